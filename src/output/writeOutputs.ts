import { join } from 'node:path';
import type { AggregateResult } from '../aggregate/runAggregator.js';
import { contributionsCsv, indexCsv, unknownActorsCsv } from './indexTables.js';
import { writeFileAtomic } from '../util/atomicFile.js';
import { type ChartFiles, type Extremes, type ReportOptions, type RunMetadata, renderReport, reportedPairs } from '../render/report.js';
import { pairIndexChart } from '../render/pairChart.js';
import { dimensionChart } from '../render/dimensionChart.js';
import { moversChart } from '../render/moversChart.js';
import { overviewChart } from '../render/overviewChart.js';
import type { PairPeriodIndex } from '../types/pairIndex.js';
import { pairName } from '../render/format.js';
import type { IndexOptions } from '../aggregate/pairPeriodIndex.js';
import { pairPeriodCounts } from '../aggregate/pairPeriodCounts.js';
import { type Alert, type AlertOptions, alertsMarkdown, findAlerts } from './alerts.js';

export interface OutputInput {
  dir: string;
  result: AggregateResult;
  extremes: ReadonlyMap<string, Extremes>;
  /** Per pair, its counted documents by language. */
  languages: ReadonlyMap<string, ReadonlyMap<string, number>>;
  names: ReadonlyMap<string, string>;
  options: IndexOptions;
  report: ReportOptions;
  meta: RunMetadata;
  /** Also write the tables as Parquet (index, contributions, documents, mentions, sentences, evidence). */
  parquet?: boolean;
  /** Thresholds of alerts.json and alerts.md; without them neither is written. */
  alerts?: AlertOptions;
  /** A part of a corpus, to be merged: no charts and no report, which only the merge's outputs need. */
  shard?: boolean;
}

/** The files written, relative to the output folder, and the alerts found (null when none were asked for). */
export interface WrittenOutputs {
  files: string[];
  alerts: Alert[] | null;
}

/** Chart file names are built from pair codes only, never from input text. */
function chartFile(kind: string, pair: string): string {
  return `charts/${kind}-${pair.replace(/[^A-Z-]/g, '')}.png`;
}

/**
 * Charts encoding at once. Two keep the main thread drawing while the last one deflates; four were no
 * faster on the render bench (121 charts, 4.0–4.3 s against 4.5–4.6 s) and held ~40 MB more pixels.
 */
const CHARTS_IN_FLIGHT = 2;

async function writeCharts(
  dir: string,
  result: AggregateResult,
  names: ReadonlyMap<string, string>,
  options: IndexOptions,
  report: ReportOptions,
): Promise<ChartFiles> {
  const reported = reportedPairs(result.index, options, report);
  const files: ChartFiles = { overview: null, pairs: new Map() };
  // Charts are drawn one after another and encoded in parallel, a few at a time: each holds ~6 MB of
  // pixels until its PNG is written, so an unbounded number would undo the flat memory of the run.
  const writes = new Set<Promise<void>>();
  const chart = async (file: string, draw: () => Promise<Buffer>) => {
    while (writes.size >= CHARTS_IN_FLIGHT) await Promise.race(writes);
    const write: Promise<void> = draw()
      .then((bytes) => writeFileAtomic(join(dir, file), bytes))
      .finally(() => writes.delete(write));
    writes.add(write);
  };
  for (const [pair, cells] of reported) {
    const title = pairName(pair, names);
    const index = chartFile('index', pair);
    await chart(index, () => pairIndexChart({ pair, title, cells, period: options.period }));
    const dimensions = chartFile('dimensions', pair);
    await chart(dimensions, () => dimensionChart(pair, title, cells, options.period));
    const latest = cells[cells.length - 1] as PairPeriodIndex;
    let movers: string | null = null;
    if (latest.topEntries.length > 0) {
      movers = chartFile('movers', pair);
      await chart(movers, () => moversChart(pair, title, latest));
    }
    files.pairs.set(pair, { index, dimensions, movers });
  }
  if (reported.length > 0) {
    files.overview = 'charts/overview.png';
    const labels = new Map(reported.map(([p]) => [p, pairName(p, names)]));
    await chart(files.overview, () => overviewChart(reported, labels, options.period, options.minArticles));
  }
  await Promise.all(writes);
  return files;
}

/**
 * Write index.csv, index-directed.csv, index.json, contributions.csv, the charts and report.md (a
 * shard writes only index.json, with its counts and how it was made), any alerts and Parquet tables, each atomically, beside the files the sink wrote (documents, sentences, state, skipped inputs).
 */
export async function writeOutputs(input: OutputInput): Promise<WrittenOutputs> {
  const { dir, result, extremes, languages, names, options, meta, parquet, alerts: thresholds } = input;
  const complete = input.report.completeBefore === undefined ? undefined : { before: input.report.completeBefore, period: options.period };
  const alerts = thresholds ? findAlerts(result.index, thresholds, complete) : null;
  const report: ReportOptions = { ...input.report, ...(alerts ? { alerts } : {}) };
  const charts: ChartFiles = input.shard ? { overview: null, pairs: new Map() } : await writeCharts(dir, result, names, options, report);
  const json = { ...meta, counts: { ...result.counts, ...pairPeriodCounts(result.index) }, pairs: result.pairs, index: result.index };
  // A shard has no index of its own (the merge computes it): its index.json says how it was made, for the merge's checks.
  if (!input.shard) {
    await writeFileAtomic(join(dir, 'index.csv'), indexCsv(result.index, names));
    await writeFileAtomic(join(dir, 'index-directed.csv'), indexCsv(result.index, names, 'directed'));
    await writeFileAtomic(join(dir, 'contributions.csv'), contributionsCsv(result.index));
  }
  await writeFileAtomic(join(dir, 'index.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFileAtomic(join(dir, 'unknown-actors.csv'), unknownActorsCsv(result.unknownActors));
  if (!input.shard) await writeFileAtomic(join(dir, 'report.md'), renderReport({ ...result, extremes, languages, names, charts, options, report, meta }));
  let tables: string[] = [];
  if (parquet && !input.shard) {
    // The Parquet writer is loaded only when Parquet is asked for.
    const { writeParquetTables } = await import('./parquetTables.js');
    tables = await writeParquetTables(dir, result.index, names, `trust-index ${meta.version}`);
  }
  if (alerts) {
    await writeFileAtomic(join(dir, 'alerts.json'), `${JSON.stringify({ thresholds, alerts }, null, 2)}\n`);
    await writeFileAtomic(join(dir, 'alerts.md'), alertsMarkdown(alerts, names));
  }
  const chartList = [
    ...(charts.overview ? [charts.overview] : []),
    ...[...charts.pairs.values()].flatMap((c) => [c.index, c.dimensions, ...(c.movers ? [c.movers] : [])]),
  ];
  const files = [
    ...(input.shard ? [] : ['index.csv', 'index-directed.csv']), 'index.json', ...(input.shard ? [] : ['contributions.csv']), 'unknown-actors.csv',
    ...(input.shard ? [] : ['report.md']), 'sentences.jsonl', 'documents.jsonl',
    'skipped.jsonl', 'state.jsonl', 'origins.jsonl', ...(alerts ? ['alerts.json', 'alerts.md'] : []), ...tables, ...chartList,
  ];
  return { files, alerts };
}
