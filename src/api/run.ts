import { readFileSync, readdirSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { defaultGazetteer } from '../actors/gazetteer.js';
import { fileDigest } from '../util/fileDigest.js';
import { AnalysisCache, type AnalysisSettings } from '../pipeline/analysisCache.js';
import { DEFAULT_INDEX_OPTIONS, type IndexOptions } from '../aggregate/pairPeriodIndex.js';
import { DEFAULT_FIELDS, type FieldMap } from '../ingest/fields.js';
import { checkInputsExist, folderKey, readInputs, recordRangeProblem } from '../ingest/readInputs.js';
import type { IngestItem, RecordRange } from '../ingest/records.js';
import { LEXICON_DIR, PACKAGE_ROOT } from '../util/paths.js';
import { type PipelineResult, runPipeline } from '../pipeline/pipeline.js';
import { OutputFolder } from '../output/outputFolder.js';
import { OutputSink } from '../output/outputSink.js';
import { MANIFEST, removeOutputs, staleOutputs, writeManifest } from '../output/manifest.js';
import type { Alert, AlertOptions } from '../types/alert.js';
import { DEFAULT_TOP_PAIRS } from '../render/report.js';
import { publishedLexiconVersions } from '../score/lexicon.js';

export const LEXICON_FILES = [
  'countries.tsv', 'country-codes.tsv', 'given-names.tsv', 'leaders.tsv', 'other-senses.tsv', 'trust.tsv', 'tone.tsv',
  'modifiers.tsv', 'relationship.tsv', 'events.tsv', 'cameo.tsv', 'irregular-verbs.tsv', 'venues.tsv', 'months.tsv',
];

/** What `run` is given: its inputs and how they are read and analysed, and where and how to write (OutputSettings: out, pairs, from, to, parquet…). */
export interface RunOptions extends OutputSettings {
  /** Files and directories to read; `-` is standard input (JSONL). */
  inputs: string[];
  /** Field names of JSONL and CSV records, where they differ from id, date, title, text, url, source. */
  fields?: Partial<FieldMap>;
  /** Threads for text, actors and scoring, this one and N − 1 workers (default 1); the outputs do not depend on it. */
  jobs?: number;
  /** Count proxies (state bodies, flagship firms, places inside a country) as their country; on by default. */
  proxies?: boolean;
  /** Folder of analyses kept between runs: documents analysed before (same content, lexicons and options) are not analysed again. */
  cache?: string;
  /**
   * Only these records (1-based, inclusive) of the one input, a JSONL or WARC file: one part of a file
   * split between tasks (tools/dask), each record keeping its line or offset in the whole file, so the
   * parts' outputs merge into exactly the whole's.
   */
  records?: RecordRange;
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
  /** Files of the previous run (by its manifest) that this run did not write, removed. */
  removed: string[];
  /** With alert thresholds: the pairs that crossed them (none is an empty list; also in alerts.json and alerts.md); null without thresholds. */
  alerts: Alert[] | null;
  /** With a cache: documents taken from it and documents analysed (then added to it). */
  cache?: { reused: number; analysed: number };
  /** What the user should know that is not an input problem: the output folder inside an input folder (not read), a cache entry that could not be read. */
  notes?: string[];
}

/** Folders of the lexicons of the languages other than English: every TSV in them is read. */
const LANGUAGE_FOLDERS = ['zh', 'ru'];

/** sha256 digests of the bundled lexicon files by file name (`zh/trust.tsv` for other languages), and the versions of the published lexicons tone reads. */
export function lexiconDigests(): Record<string, string> {
  const languageFiles = LANGUAGE_FOLDERS.flatMap((folder) =>
    readdirSync(join(LEXICON_DIR, folder))
      .filter((f) => f.endsWith('.tsv'))
      .sort()
      .map((f) => `${folder}/${f}`),
  );
  return { ...Object.fromEntries([...LEXICON_FILES, ...languageFiles].map((f) => [f, fileDigest(join(LEXICON_DIR, f))])), ...publishedLexiconVersions() };
}

/** The package version, from package.json. */
export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** What a run or a merge settles before it writes: where, how, and with which default date. */
export interface OutputSettings {
  /** Output folder. */
  out: string;
  /** Date for documents that carry none (`YYYY-MM-DD`); null leaves them undated and skipped. */
  defaultDate: string | null;
  /** Period, coverage threshold and seed of the index; defaults in DEFAULT_INDEX_OPTIONS. */
  index?: Partial<IndexOptions>;
  /** Pairs given a section and a chart in the report (the most covered); DEFAULT_TOP_PAIRS by default. */
  top?: number;
  /** Only these pairs (`CN-PK`, either order) in the index, charts and report. */
  pairs?: string[];
  /** Only periods starting in these months (`YYYY-MM`, inclusive). */
  from?: string;
  to?: string;
  /** Also write the tables as Parquet files. */
  parquet?: boolean;
  /**
   * Write the outputs even when no usable (dated) document was read; without it such a run throws
   * NoDocumentsError and leaves the previous outputs as they were.
   */
  allowEmpty?: boolean;
  /** Write alerts.json and alerts.md with these thresholds (see findAlerts), with the other outputs. */
  alerts?: AlertOptions;
  /**
   * Only periods that had ended by this day (`YYYY-MM-DD`) count as latest, for alerts and the report's
   * findings: a monthly job on the 2nd passes its date, so the day-old month is not reported as latest.
   */
  completeBefore?: string;
  /**
   * A part of a corpus that `merge` will combine (tools/dask): its tables and what merge reads, without the
   * charts and report, which take a part's run ~2 s to draw and which only the merged outputs need.
   */
  shard?: boolean;
  /** Whether proxies counted as their country, and the input field names: recorded so a merge can check its shards agree. */
  proxies?: boolean;
  fields?: Partial<FieldMap>;
  /** Read only sentences in these languages (en, zh, ru): "China–US as reported in Chinese". All by default; recorded like proxies. */
  languages?: string[];
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
 * Produce a result with `produce` (feeding `sink` as it goes, its scratch files in the folder it is
 * given), then write every output. The output folder is locked for the run and every file is written
 * into a staging folder inside it, moved into place only when all are written, so a failed run
 * leaves the previous outputs exactly as they were. The files the previous run's manifest lists
 * that this run did not write are removed only then, and this run's manifest is moved into place
 * last: no file the tool did not list is ever touched.
 */
export async function produceOutputs(
  settings: OutputSettings,
  produce: (sink: OutputSink, index: IndexOptions, scratchDir: string) => Promise<PipelineResult>,
): Promise<RunSummary> {
  const folder = await OutputFolder.open(settings.out);
  try {
    const { result, files, alerts } = await writeAll(settings, folder.staging, produce);
    // The previous run's manifest, still in the output folder, names what this run replaces.
    const removed = await staleOutputs(settings.out, files);
    await writeManifest(folder.staging, files);
    await folder.publish([MANIFEST], () => removeOutputs(settings.out, removed));
    return { ...result, out: settings.out, files, removed, alerts };
  } catch (error) {
    await folder.abandon();
    throw error;
  }
}

async function writeAll(
  settings: OutputSettings,
  dir: string,
  produce: (sink: OutputSink, index: IndexOptions, scratchDir: string) => Promise<PipelineResult>,
): Promise<{ result: PipelineResult; files: string[]; alerts: Alert[] | null }> {
  const index: IndexOptions = { ...DEFAULT_INDEX_OPTIONS, ...settings.index };
  const top = settings.top ?? DEFAULT_TOP_PAIRS;
  // The sink writes documents.jsonl, sentences.jsonl and state.jsonl as the result is finished.
  const sink = await OutputSink.open(dir, index.period, settings.allowEmpty === true);
  let result: PipelineResult;
  try {
    result = selectCells(await produce(sink, index, dir), settings);
  } catch (error) {
    await sink.abandon();
    throw error;
  }
  const meta = {
    tool: 'trust-index',
    version: toolVersion(),
    lexicons: lexiconDigests(),
    // The documents read, by id, date and content hash: the same corpus gives the same digest, however split.
    corpus: fileDigest(join(dir, 'state.jsonl')),
    // Every option that changes a result: a merge refuses shards that differ in any of those that shape documents.
    options: {
      defaultDate: settings.defaultDate,
      proxies: settings.proxies !== false,
      ...(settings.languages ? { languages: settings.languages } : {}),
      fields: { ...DEFAULT_FIELDS, ...settings.fields },
      ...index,
      top,
      pairs: settings.pairs?.map(normalisePair).sort() ?? null,
      from: settings.from ?? null,
      to: settings.to ?? null,
      ...(settings.completeBefore !== undefined ? { completeBefore: settings.completeBefore } : {}),
    },
  };
  // The render stage (chart.js and Skia's native library, ~40 MB) is loaded only now, so it does
  // not sit in memory through the analysis.
  const { writeOutputs } = await import('../output/writeOutputs.js');
  const { files, alerts } = await writeOutputs({
    dir,
    result,
    extremes: sink.extremes,
    languages: sink.languages,
    names: defaultGazetteer().names,
    options: index,
    report: { top, ...(settings.completeBefore !== undefined ? { completeBefore: settings.completeBefore } : {}) },
    meta,
    parquet: settings.parquet === true,
    ...(settings.alerts ? { alerts: settings.alerts } : {}),
    ...(settings.shard ? { shard: true } : {}),
  });
  return { result, files, alerts };
}

/** Lexicons the analysis reads; months.tsv is read at ingest, so documents' dates carry its effect. */
function analysisSettings(proxies: boolean, languages: readonly string[] | undefined): AnalysisSettings {
  const { 'months.tsv': _ingestOnly, ...lexicons } = lexiconDigests();
  return { version: toolVersion(), lexicons, proxies, ...(languages ? { languages: [...languages].sort() } : {}) };
}

/**
 * Read the inputs, run every stage, and write the outputs into `out`. With a
 * cache, its new analyses are kept only once the outputs are written. Throws
 * MissingInputError, before anything is written, when an input does not
 * exist, and NoDocumentsError, leaving the previous outputs, when no usable
 * document was read (unless `allowEmpty`).
 */
export async function run(options: RunOptions): Promise<RunSummary> {
  // A missing input, or a range of records that cannot be read, fails before the cache or the output folder is touched.
  await checkInputsExist(options.inputs);
  const rangeProblem = options.records ? recordRangeProblem(options.inputs, options.records) : null;
  if (rangeProblem !== null) throw new RangeError(rangeProblem);
  const cache = options.cache ? await AnalysisCache.open(options.cache, analysisSettings(options.proxies !== false, options.languages)) : undefined;
  try {
    const summary = await analyseAndWrite(options, cache);
    await cache?.commit();
    if (!cache) return summary;
    const notes = [...(summary.notes ?? []), ...cache.warnings];
    return { ...summary, cache: { ...cache.stats }, ...(notes.length > 0 ? { notes } : {}) };
  } catch (error) {
    await cache?.abandon();
    throw error;
  }
}

/**
 * The run's own folders (output, cache) as the walk should leave them out, and a note for each that
 * lies inside an input folder: read as news, a previous run's outputs and cached analyses would come
 * back as new documents.
 */
async function ownFolders(options: RunOptions): Promise<{ exclude: Set<string>; notes: string[] }> {
  const exclude = new Set<string>();
  const notes: string[] = [];
  const own = [{ dir: options.out, what: 'output folder' }, ...(options.cache ? [{ dir: options.cache, what: 'cache' }] : [])];
  for (const { dir, what } of own) {
    exclude.add(folderKey(await stat(dir)));
    const real = await realpath(dir);
    for (const input of options.inputs) {
      const inputReal = input === '-' ? null : await realpath(input).catch(() => null);
      if (inputReal === null) continue;
      const below = relative(inputReal, real);
      if (!below.startsWith('..') && !isAbsolute(below)) {
        notes.push(`the ${what} ${dir} is inside the input folder ${input}: it is not read as input`);
      }
    }
  }
  return { exclude, notes };
}

async function analyseAndWrite(options: RunOptions, cache: AnalysisCache | undefined): Promise<RunSummary> {
  let notes: string[] = [];
  const summary = await produceOutputs(options, async (sink, index, scratchDir) => {
    const own = await ownFolders(options);
    notes = own.notes;
    const fields = { ...DEFAULT_FIELDS, ...options.fields };
    const ingest = { defaultDate: options.defaultDate, fields, exclude: own.exclude, ...(options.records ? { records: options.records } : {}) };
    return runPipeline(reporting(readInputs(options.inputs, ingest), options.onProgress), sink, {
      index,
      scratchDir,
      ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
      ...(options.proxies !== undefined ? { proxies: options.proxies } : {}),
      ...(options.languages !== undefined ? { languages: options.languages } : {}),
      ...(cache ? { cache } : {}),
      ...(options.shard ? { indexed: false } : {}),
    });
  });
  return notes.length > 0 ? { ...summary, notes } : summary;
}
