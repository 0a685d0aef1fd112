import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PipelineResult } from '../pipeline.js';
import { contributionsCsv, indexCsv } from './indexTables.js';
import { AtomicLineFile, writeFileAtomic } from './atomicFile.js';
import { type ReportOptions, type RunMetadata, renderReport, reportedPairs } from './report.js';
import type { Extremes } from './outputSink.js';
import { pairIndexChart } from './pairChart.js';
import { pairName } from './indexTables.js';
import type { IndexOptions } from '../aggregate/pairPeriodIndex.js';

/** sha256 of a file, first 16 hex digits: enough to tell lexicon versions apart. */
export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
}

export interface OutputInput {
  dir: string;
  result: PipelineResult;
  extremes: ReadonlyMap<string, Extremes>;
  names: ReadonlyMap<string, string>;
  options: IndexOptions;
  report: ReportOptions;
  meta: RunMetadata;
}

/** Chart file names are built from pair codes only, never from input text. */
function chartFile(pair: string): string {
  return `charts/index-${pair.replace(/[^A-Z-]/g, '')}.png`;
}

/** Write index.csv, index.json, the charts and report.md, each atomically. */
export async function writeOutputs({ dir, result, extremes, names, options, report, meta }: OutputInput): Promise<string[]> {
  const charts = new Map<string, string>();
  for (const [pair, cells] of reportedPairs(result.index, options.minArticles, report.top)) {
    const file = chartFile(pair);
    await writeFileAtomic(join(dir, file), pairIndexChart({ pair, title: pairName(pair, names), cells, period: options.period }));
    charts.set(pair, file);
  }
  const json = { ...meta, counts: result.counts, pairs: result.pairs, index: result.index };
  const documents = await AtomicLineFile.open(join(dir, 'documents.jsonl'));
  for (const record of result.documents) await documents.writeLine(JSON.stringify(record));
  await documents.commit();
  await writeFileAtomic(join(dir, 'index.csv'), indexCsv(result.index, names));
  await writeFileAtomic(join(dir, 'contributions.csv'), contributionsCsv(result.index));
  await writeFileAtomic(join(dir, 'index.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFileAtomic(join(dir, 'report.md'), renderReport({ ...result, extremes, names, charts, options, report, meta }));
  return [
    'index.csv', 'index.json', 'contributions.csv', 'report.md', 'sentences.jsonl', 'documents.jsonl', 'skipped.jsonl',
    ...charts.values(),
  ];
}
