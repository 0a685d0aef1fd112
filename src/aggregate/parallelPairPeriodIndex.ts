import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../util/paths.js';
import type { ArticlePairScore } from '../types/pairIndex.js';
import {
  type IndexOptions, type IndexResult, type Series, type SeriesIndex, joinSeries, pairPeriodIndex, pairSeries, seriesOf,
} from './pairPeriodIndex.js';

/**
 * Below this many article scores the statistics take less time than
 * starting a worker thread, and run in this one.
 */
export const PARALLEL_MIN_SCORES = 5_000;

/** Series dealt out to `jobs` workers, largest first to the least loaded: permutation tests cost about their articles. */
function deal(series: readonly Series[], jobs: number): Series[][] {
  const shares: Series[][] = Array.from({ length: jobs }, () => []);
  const loads = new Array<number>(jobs).fill(0);
  const largestFirst = [...series].sort((a, b) => b.scores.length - a.scores.length);
  for (const s of largestFirst) {
    const least = loads.indexOf(Math.min(...loads));
    (shares[least] as Series[]).push(s);
    loads[least] = (loads[least] as number) + s.scores.length;
  }
  return shares;
}

function runShare(share: Series[], options: IndexOptions): Promise<Array<SeriesIndex>> {
  // The built worker, also when this module runs from src/ under the test runner.
  const worker = new Worker(join(PACKAGE_ROOT, 'dist', 'aggregate', 'indexWorker.js'), { workerData: { series: share, options } });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: Array<SeriesIndex>) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    // Settles nothing once the result has come; otherwise a worker that stopped without one fails the run.
    worker.once('exit', (code) => reject(new Error(`index worker stopped without a result (exit code ${code})`)));
  });
}

/**
 * `pairPeriodIndex` with its series spread over `jobs` threads (this one and
 * `jobs` − 1 workers): each
 * cell's permutation test draws from a random source seeded by
 * the cell's own key, so where a series is computed does not change a
 * digit, and the result is that of `pairPeriodIndex`.
 *
 * @example
 * const { index } = await parallelPairPeriodIndex(scores, DEFAULT_INDEX_OPTIONS, 2);
 */
export async function parallelPairPeriodIndex(
  scores: readonly ArticlePairScore[],
  options: IndexOptions,
  jobs: number,
  minScores: number = PARALLEL_MIN_SCORES,
): Promise<IndexResult> {
  if (jobs < 2 || scores.length < minScores) return pairPeriodIndex(scores, options);
  const series = seriesOf(scores);
  const [own = [], ...others] = deal(series, Math.min(jobs, series.length)).filter((share) => share.length > 0);
  // This thread takes the first share itself while the workers start and run the others: it would only wait.
  const running = others.map((share) => runShare(share, options));
  const computed = own.map((s) => pairSeries(s.pair, s.direction, s.scores, options));
  const results = [computed, ...(await Promise.all(running))];
  const byKey = new Map<string, SeriesIndex>();
  for (const result of results) for (const s of result) byKey.set(`${s.summary.pair} ${s.summary.direction}`, s);
  return joinSeries(series.map((s) => byKey.get(`${s.pair} ${s.direction}`) as SeriesIndex));
}
