import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultGazetteer } from '../actors/gazetteer.js';
import { fileDigest } from '../util/fileDigest.js';
import { AnalysisCache, type AnalysisSettings } from '../pipeline/analysisCache.js';
import { DEFAULT_INDEX_OPTIONS, type IndexOptions } from '../aggregate/pairPeriodIndex.js';
import { DEFAULT_FIELDS, type FieldMap } from '../ingest/fields.js';
import { readInputs } from '../ingest/readInputs.js';
import type { IngestItem } from '../ingest/records.js';
import { LEXICON_DIR, PACKAGE_ROOT } from '../util/paths.js';
import { type PipelineResult, runPipeline } from '../pipeline/pipeline.js';
import { OutputSink } from '../output/outputSink.js';
import { DEFAULT_TOP_PAIRS } from '../render/report.js';
import { publishedLexiconVersions } from '../score/lexicon.js';

export const LEXICON_FILES = [
  'countries.tsv', 'country-codes.tsv', 'given-names.tsv', 'leaders.tsv', 'other-senses.tsv', 'trust.tsv', 'tone.tsv',
  'modifiers.tsv', 'relationship.tsv', 'months.tsv',
];

export interface RunOptions {
  /** Files and directories to read; `-` is standard input (JSONL). */
  inputs: string[];
  /** Field names of JSONL and CSV records, where they differ from id, date, title, text, url, source. */
  fields?: Partial<FieldMap>;
  /** Threads for text, actors and scoring, this one and N − 1 workers (default 1); the outputs do not depend on it. */
  jobs?: number;
  /** Count proxies (state bodies, flagship firms, places inside a country) as their country; on by default. */
  proxies?: boolean;
  /** Output folder. */
  out: string;
  /** Date for documents that carry none (`YYYY-MM-DD`); null leaves them undated and skipped. */
  defaultDate: string | null;
  /** Period, coverage threshold and seed of the index; defaults in DEFAULT_INDEX_OPTIONS. */
  index?: Partial<IndexOptions>;
  /** Pairs given a section and a chart in the report (the most covered); DEFAULT_TOP_PAIRS by default. */
  top?: number;
  /** Folder of analyses kept between runs: documents analysed before (same content, lexicons and options) are not analysed again. */
  cache?: string;
  /** Called after each input item is read, with the running count of items and of text characters. */
  onProgress?: (items: number, characters: number) => void;
}

/** Pass items through, reporting progress; the pipeline itself knows nothing of terminals. */
async function* reporting(items: AsyncIterable<IngestItem>, onProgress: RunOptions['onProgress']): AsyncGenerator<IngestItem> {
  let count = 0;
  let characters = 0;
  for await (const item of items) {
    count += 1;
    if (item.kind === 'document') characters += item.document.text.length;
    onProgress?.(count, characters);
    yield item;
  }
}

/** What a run returns; the document records are in documents.jsonl. */
export interface RunSummary extends PipelineResult {
  out: string;
  files: string[];
  /** With a cache: documents taken from it and documents analysed (then added to it). */
  cache?: { reused: number; analysed: number };
}

/** sha256 digests of the bundled lexicon files by file name, and the versions of the published lexicons tone reads. */
export function lexiconDigests(): Record<string, string> {
  return { ...Object.fromEntries(LEXICON_FILES.map((f) => [f, fileDigest(join(LEXICON_DIR, f))])), ...publishedLexiconVersions() };
}

/** The package version, from package.json. */
export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** What a run or a merge settles before it writes: where, how, and with which default date. */
export interface OutputSettings {
  out: string;
  defaultDate: string | null;
  index?: Partial<IndexOptions>;
  top?: number;
  /** Only these pairs (`CN-PK`, either order) in the index, charts and report. */
  pairs?: string[];
  /** Only periods starting in these months (`YYYY-MM`, inclusive). */
  from?: string;
  to?: string;
  /** Also write the tables as Parquet files. */
  parquet?: boolean;
  /** Whether proxies counted as their country, and the input field names: recorded so a merge can check its shards agree. */
  proxies?: boolean;
  fields?: Partial<FieldMap>;
}

/** A pair key from user input: codes upper-cased and sorted, so `pk-cn` is `CN-PK`. */
export function normalisePair(pair: string): string {
  return pair.toUpperCase().split(/[-–]/).sort().join('-');
}

/**
 * Keep the cells the user asked for. Statistics are computed on everything
 * first, so the change into the first selected period is still tested
 * against the period before it.
 */
function selectCells(result: PipelineResult, settings: OutputSettings): PipelineResult {
  const pairs = settings.pairs ? new Set(settings.pairs.map(normalisePair)) : null;
  const keep = (c: { pair: string; month?: string }) =>
    (!pairs || pairs.has(c.pair)) &&
    (!settings.from || c.month === undefined || c.month >= settings.from) &&
    (!settings.to || c.month === undefined || c.month <= settings.to);
  return { ...result, index: result.index.filter(keep), pairs: result.pairs.filter((p) => keep({ pair: p.pair })) };
}

/**
 * Produce a result with `produce` (feeding `sink` as it goes), then write
 * every output. Streamed files are renamed into place only when the result
 * is complete, so a failed run leaves the previous outputs as they were.
 */
export async function produceOutputs(
  settings: OutputSettings,
  produce: (sink: OutputSink, index: IndexOptions) => Promise<PipelineResult>,
): Promise<RunSummary> {
  const index: IndexOptions = { ...DEFAULT_INDEX_OPTIONS, ...settings.index };
  const top = settings.top ?? DEFAULT_TOP_PAIRS;
  // The sink writes documents.jsonl, sentences.jsonl and state.jsonl as the result is finished.
  const sink = await OutputSink.open(settings.out, index.period);
  let result: PipelineResult;
  try {
    result = selectCells(await produce(sink, index), settings);
  } catch (error) {
    await sink.abandon();
    throw error;
  }
  const meta = {
    tool: 'trust-index',
    version: toolVersion(),
    lexicons: lexiconDigests(),
    // The documents read, by id, date and content hash: the same corpus gives the same digest, however split.
    corpus: fileDigest(join(settings.out, 'state.jsonl')),
    // Every option that changes a result: a merge refuses shards that differ in any of those that shape documents.
    options: {
      defaultDate: settings.defaultDate,
      proxies: settings.proxies !== false,
      fields: { ...DEFAULT_FIELDS, ...settings.fields },
      ...index,
      top,
      pairs: settings.pairs?.map(normalisePair).sort() ?? null,
      from: settings.from ?? null,
      to: settings.to ?? null,
    },
  };
  // The render stage (chart.js and Skia's native library, ~40 MB) is loaded only now, so it does
  // not sit in memory through the analysis.
  const { writeOutputs } = await import('../output/writeOutputs.js');
  const files = await writeOutputs({
    dir: settings.out,
    result,
    extremes: sink.extremes,
    names: defaultGazetteer().names,
    options: index,
    report: { top },
    meta,
    parquet: settings.parquet === true,
  });
  return { ...result, out: settings.out, files };
}

/** Lexicons the analysis reads; months.tsv is read at ingest, so documents' dates carry its effect. */
function analysisSettings(proxies: boolean): AnalysisSettings {
  const { 'months.tsv': _ingestOnly, ...lexicons } = lexiconDigests();
  return { version: toolVersion(), lexicons, proxies };
}

/**
 * Read the inputs, run every stage, and write the outputs into `out`. With a
 * cache, its new analyses are kept only once the outputs are written.
 */
export async function run(options: RunOptions): Promise<RunSummary> {
  const cache = options.cache ? await AnalysisCache.open(options.cache, analysisSettings(options.proxies !== false)) : undefined;
  try {
    const summary = await analyseAndWrite(options, cache);
    await cache?.commit();
    return cache ? { ...summary, cache: { ...cache.stats } } : summary;
  } catch (error) {
    await cache?.abandon();
    throw error;
  }
}

function analyseAndWrite(options: RunOptions, cache: AnalysisCache | undefined): Promise<RunSummary> {
  return produceOutputs(options, (sink, index) =>
    runPipeline(
      reporting(
        readInputs(options.inputs, { defaultDate: options.defaultDate, fields: { ...DEFAULT_FIELDS, ...options.fields } }),
        options.onProgress,
      ),
      sink,
      {
        index,
        scratchDir: options.out,
        ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
        ...(options.proxies !== undefined ? { proxies: options.proxies } : {}),
        ...(cache ? { cache } : {}),
      },
    ),
  );
}
