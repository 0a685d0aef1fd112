#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { PERIOD_KINDS, type PeriodKind } from '../aggregate/periods.js';
import { defaultJobs } from '../pipeline/analysisPool.js';
import { isoDay } from '../ingest/dates.js';
import { defaultGazetteer } from '../actors/gazetteer.js';
import { type AlertOptions, alertsMarkdown } from '../output/alerts.js';
import { NoDocumentsError } from '../output/outputSink.js';
import { printable } from '../util/printable.js';
import type { FieldMap } from '../ingest/fields.js';
import { relative, isAbsolute } from 'node:path';
import { DEMO_CORPUS } from '../util/paths.js';
import type { IndexOptions } from '../aggregate/pairPeriodIndex.js';
import { describePairPeriods } from '../aggregate/pairPeriodCounts.js';
import { merge } from '../api/merge.js';
import { type RunSummary, run, toolVersion } from '../api/run.js';
import { READ_LANGUAGES } from '../text/language.js';
import { type RunConfig, configFlags, readConfig } from './config.js';
import { startProgress } from './progress.js';
import { scoreLines } from './scoreLines.js';
import { MissingInputError, readInputs, recordRangeProblem } from '../ingest/readInputs.js';
import type { RecordRange } from '../ingest/records.js';
import { runPipeline } from '../pipeline/pipeline.js';
import { ACTORS_USAGE, MAIN_USAGE, MERGE_USAGE, RUN_USAGE, SCORE_USAGE } from './usage.js';

class UsageError extends Error {}

/** Exit code when --strict is given and some input was skipped (the outputs are still written). */
const EXIT_STRICT = 3;
/** Exit code when an alert threshold was crossed (the outputs and alerts.json/md are written). */
const EXIT_ALERT = 4;
/** Exit code when no usable document was read and --allow-empty was not given (nothing is written). */
const EXIT_NO_DOCUMENTS = 5;

function alertThresholds(drop: string | undefined, rise: string | undefined): AlertOptions | null {
  if (drop === undefined && rise === undefined) return null;
  const parse = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const points = Number(value);
    if (!(Number.isFinite(points) && points > 0)) throw new UsageError(`--${flag} takes index points > 0, got "${value}"`);
    return points;
  };
  const thresholds: AlertOptions = {};
  const dropPoints = parse('alert-drop', drop);
  const risePoints = parse('alert-rise', rise);
  if (dropPoints !== undefined) thresholds.drop = dropPoints;
  if (risePoints !== undefined) thresholds.rise = risePoints;
  return thresholds;
}

const OUTPUT_OPTIONS = {
  out: { type: 'string' },
  seed: { type: 'string' },
  period: { type: 'string' },
  'min-articles': { type: 'string' },
  top: { type: 'string' },
  pairs: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  'allow-empty': { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

interface OutputFlags {
  seed?: string;
  period?: string;
  'min-articles'?: string;
  top?: string;
  pairs?: string;
  from?: string;
  to?: string;
  format?: string;
  'allow-empty'?: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PAIR = /^[A-Za-z]{2}[-–][A-Za-z]{2}$/;

/** The index and report options shared by `run` and `merge`, checked. */
function outputSettings(values: OutputFlags): {
  index: Partial<IndexOptions>;
  top?: number;
  pairs?: string[];
  from?: string;
  to?: string;
  parquet: boolean;
  allowEmpty: boolean;
} {
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'parquet') throw new UsageError(`--format must be csv or parquet, got "${format}"`);
  for (const flag of ['from', 'to'] as const) {
    const value = values[flag];
    if (value !== undefined && !MONTH.test(value)) throw new UsageError(`--${flag} must be YYYY-MM, got "${value}"`);
  }
  const pairs = values.pairs?.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const badPair = pairs?.find((p) => !PAIR.test(p));
  if (badPair !== undefined) throw new UsageError(`--pairs takes pairs of two-letter codes such as CN-PK, got "${badPair}"`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got "${values.seed}"`);
  const period = values.period ?? 'month';
  if (!(PERIOD_KINDS as readonly string[]).includes(period)) throw new UsageError(`--period must be week, month or quarter, got "${period}"`);
  const minArticles = values['min-articles'] === undefined ? undefined : Number(values['min-articles']);
  if (minArticles !== undefined && !(Number.isInteger(minArticles) && minArticles >= 1)) {
    throw new UsageError(`--min-articles must be a whole number ≥ 1, got "${values['min-articles']}"`);
  }
  const top = values.top === undefined ? undefined : Number(values.top);
  if (top !== undefined && !(Number.isInteger(top) && top >= 1)) throw new UsageError(`--top must be a whole number ≥ 1, got "${values.top}"`);
  return {
    parquet: format === 'parquet',
    allowEmpty: values['allow-empty'] === true,
    ...(top !== undefined ? { top } : {}),
    ...(pairs !== undefined ? { pairs } : {}),
    ...(values.from !== undefined ? { from: values.from } : {}),
    ...(values.to !== undefined ? { to: values.to } : {}),
    index: {
      period: period as PeriodKind,
      ...(seed !== undefined ? { seed } : {}),
      ...(minArticles !== undefined ? { minArticles } : {}),
    },
  };
}

function printSummary(summary: RunSummary, quiet: boolean): void {
  const { counts } = summary;
  if (!quiet) {
    process.stdout.write(
      `${counts.documents} documents: ${counts.scored} scored, ${counts.noPair} without a country pair, ` +
        `${counts.duplicates} folded as duplicates, ${counts.skipped} skipped; ${describePairPeriods(summary.index)}; ` +
        `outputs in ${printable(summary.out)}/\n`,
    );
  }
}

async function runCommand(args: string[]): Promise<number> {
  const { values: given, positionals: listed, tokens } = parseArgs({
    tokens: true,
    args,
    allowPositionals: true,
    options: {
      ...OUTPUT_OPTIONS,
      date: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'complete-periods': { type: 'boolean', default: false },
      today: { type: 'string' },
      jobs: { type: 'string' },
      'no-proxies': { type: 'boolean', default: false },
      languages: { type: 'string' },
      'alert-drop': { type: 'string' },
      'alert-rise': { type: 'string' },
      'id-field': { type: 'string' },
      'date-field': { type: 'string' },
      'title-field': { type: 'string' },
      'text-field': { type: 'string' },
      'url-field': { type: 'string' },
      'source-field': { type: 'string' },
      config: { type: 'string' },
      cache: { type: 'string' },
      records: { type: 'string' },
      shard: { type: 'boolean', default: false },
    },
  });
  // Flags given on the command line win over the config file's values.
  let config: RunConfig | null = null;
  try {
    config = given.config === undefined ? null : readConfig(given.config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const explicit = new Set<string>(tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])));
  const fromConfig = config ? Object.entries(configFlags(config)).filter(([name]) => !explicit.has(name)) : [];
  const values = { ...given, ...Object.fromEntries(fromConfig) } as typeof given;
  const positionals = listed.length > 0 ? listed : (config?.inputs ?? []);
  if (values.help) {
    process.stdout.write(`${RUN_USAGE}\n`);
    return 0;
  }
  const defaultDate = dateFlag(values.date) ?? null;
  const settings = outputSettings(values);
  const today = dateFlag(values.today, 'today');
  if (today !== undefined && !values['complete-periods']) throw new UsageError('--today is the day --complete-periods counts from; give both');
  const thresholds = alertThresholds(values['alert-drop'], values['alert-rise']);
  const demo = positionals.length === 0;
  const fields: Partial<FieldMap> = {};
  for (const name of ['id', 'date', 'title', 'text', 'url', 'source'] as const) {
    const value = values[`${name}-field`];
    if (value !== undefined) fields[name] = value;
  }
  const jobs = jobsFlag(values.jobs);
  const records = recordsFlag(values.records, positionals);
  // The demo corpus is named as a user in the checkout would name it, so its origins (origins.jsonl) read the same on every machine.
  const inputs = demo ? [relativeIfInside(DEMO_CORPUS)] : positionals;
  const progress = values.quiet ? null : await startProgress(inputs);
  let summary: RunSummary;
  try {
    summary = await run({
      ...(progress ? { onProgress: (items: number, characters: number) => progress.update(items, characters) } : {}),
      jobs,
      proxies: !values['no-proxies'],
      ...(values.languages !== undefined ? { languages: languagesFlag(values.languages) } : {}),
      inputs,
      ...(values.cache !== undefined ? { cache: values.cache } : {}),
      ...(records ? { records } : {}),
      ...(values.shard ? { shard: true } : {}),
      out: values.out ?? (demo ? 'reports/demo' : 'reports/run'),
      defaultDate,
      fields,
      ...(thresholds ? { alerts: thresholds } : {}),
      // A scheduled run counts periods as ended by its own day (UTC) unless told another.
      ...(values['complete-periods'] ? { completeBefore: today ?? new Date().toISOString().slice(0, 10) } : {}),
      ...settings,
    });
  } catch (error) {
    if (error instanceof MissingInputError && listed.length === 0 && given.config !== undefined) {
      throw new MissingInputError(error.path, `an input of ${given.config}`);
    }
    throw error;
  } finally {
    progress?.stop();
  }
  for (const note of summary.notes ?? []) process.stderr.write(`trust-index: note: ${printable(note)}\n`);
  printSummary(summary, values.quiet);
  if (summary.cache && !values.quiet) {
    process.stderr.write(`cache: ${summary.cache.reused} documents reused, ${summary.cache.analysed} analysed\n`);
  }
  if (summary.alerts && summary.alerts.length > 0) {
    process.stdout.write(alertsMarkdown(summary.alerts, defaultGazetteer().names));
    return EXIT_ALERT;
  }
  if (values.strict && summary.counts.skipped > 0) {
    process.stderr.write(`trust-index: --strict: ${summary.counts.skipped} inputs skipped; see ${printable(summary.out)}/skipped.jsonl\n`);
    return EXIT_STRICT;
  }
  return 0;
}

async function mergeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...OUTPUT_OPTIONS, jobs: { type: 'string' } } });
  if (values.help) {
    process.stdout.write(`${MERGE_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('merge needs the output folders of one or more runs');
  if (values.out === undefined) throw new UsageError('merge needs --out DIR');
  const summary = await merge({ shards: positionals, out: values.out, jobs: jobsFlag(values.jobs), ...outputSettings(values) });
  printSummary(summary, values.quiet);
  return 0;
}

/**
 * `--jobs`, checked, and no more than the cores available: each worker holds its own lexicons
 * (48 workers took 2.3 GB) and more threads than cores only wait for each other.
 */
/** `--languages zh,en`: the languages to read, each one the tool reads. */
function languagesFlag(value: string): string[] {
  const languages = value.split(',').map((l) => l.trim()).filter((l) => l !== '');
  const unknown = languages.filter((l) => !READ_LANGUAGES.has(l));
  if (languages.length === 0 || unknown.length > 0) {
    throw new UsageError(`--languages takes a comma-separated list of ${[...READ_LANGUAGES].join(', ')}; got "${value}"`);
  }
  return [...new Set(languages)].sort();
}

function jobsFlag(value: string | undefined): number {
  const cores = defaultJobs();
  if (value === undefined) return cores;
  const jobs = Number(value);
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs must be a whole number ≥ 1, got "${value}"`);
  if (jobs <= cores) return jobs;
  process.stderr.write(`trust-index: note: --jobs ${jobs} is more than the ${cores} cores available; using ${cores}\n`);
  return cores;
}

/** `--records FIRST-LAST`: the part of one JSONL or WARC file to read, checked. */
function recordsFlag(value: string | undefined, inputs: readonly string[]): RecordRange | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)-(\d+)$/.exec(value);
  if (!match) throw new UsageError(`--records must be FIRST-LAST (record numbers from 1), got "${printable(value)}"`);
  const records = { first: Number(match[1]), last: Number(match[2]) };
  const problem = recordRangeProblem(inputs, records);
  if (problem !== null) throw new UsageError(`--records: ${problem}`);
  return records;
}

/** A day flag (`--date`, the day leaders are looked up on; `--today`), checked. */
function dateFlag(value: string | undefined, flag = 'date'): string | undefined {
  if (value === undefined) return undefined;
  const day = isoDay(value);
  if (day === null) throw new UsageError(`--${flag} must be YYYY-MM-DD, got "${printable(value)}"`);
  return day;
}

async function scoreCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      explain: { type: 'boolean', default: false },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${SCORE_USAGE}\n`);
    return 0;
  }
  const date = dateFlag(values.date);
  await scoreLines(process.stdin, process.stdout, { explain: values.explain, ...(date !== undefined ? { date } : {}) });
  return 0;
}

/** Names beside countries that matched nothing, by the number of documents using them: what a curator may add. */
async function actorsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      top: { type: 'string' },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${ACTORS_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('actors needs inputs (files, folders or - for standard input)');
  const top = values.top === undefined ? 50 : Number(values.top);
  if (!(Number.isInteger(top) && top >= 1)) throw new UsageError(`--top must be a whole number ≥ 1, got "${values.top}"`);
  const jobs = jobsFlag(values.jobs);
  const defaultDate = dateFlag(values.date) ?? null;
  const result = await runPipeline(readInputs(positionals, { defaultDate }), { document: () => undefined, skipped: () => undefined }, { jobs });
  process.stdout.write('documents\tname\n');
  for (const actor of result.unknownActors.slice(0, top)) process.stdout.write(`${actor.documents}\t${actor.name}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${MAIN_USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  if (command === 'run') return runCommand(rest);
  if (command === 'score') return scoreCommand(rest);
  if (command === 'merge') return mergeCommand(rest);
  if (command === 'actors') return actorsCommand(rest);
  throw new UsageError(`unknown command "${command}"; try trust-index --help`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage =
      error instanceof UsageError || error instanceof MissingInputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    // Messages quote paths and values from the user and the input: their control characters are shown as codes.
    process.stderr.write(`trust-index: ${printable((error as Error).message)}\n`);
    process.exitCode = usage ? 2 : error instanceof NoDocumentsError ? EXIT_NO_DOCUMENTS : 1;
  },
);

/** A path relative to the working folder when it lies inside it, else as it is. */
function relativeIfInside(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}
