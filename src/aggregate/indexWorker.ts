import { parentPort, workerData } from 'node:worker_threads';
import { type IndexOptions, type Series, pairSeries } from './pairPeriodIndex.js';

/** A worker of `parallelPairPeriodIndex`: the index of the series it is given, posted back in the same order. */
const { series, options } = workerData as { series: Series[]; options: IndexOptions };
parentPort?.postMessage(series.map((s) => pairSeries(s.pair, s.direction, s.scores, options)));
