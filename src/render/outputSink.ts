import { join } from 'node:path';
import { type PeriodKind, periodOf } from '../aggregate/periods.js';
import type { DocumentOutcome } from '../aggregate/runAggregator.js';
import type { PipelineSink } from '../pipeline.js';
import { encodeMinhash } from '../text/fingerprint.js';
import type { DocumentRecord, PairSentence, SkippedInput } from '../types.js';
import { AtomicLineFile, removeStaleScratch } from './atomicFile.js';
import { KeyedLineStore } from './keyedLineStore.js';

/** How many sentences per pair and period the report quotes at each end of the scale. */
export const EXAMPLES_QUOTED = 3;
/** Kept per end before duplicates are folded, so copies of one story cannot crowd out the others. */
const EXAMPLES_KEPT = 4 * EXAMPLES_QUOTED;

/** The most negative and most positive sentences of one pair-period. */
export interface Extremes {
  negative: PairSentence[];
  positive: PairSentence[];
}

function keep(list: PairSentence[], sentence: PairSentence, better: (a: PairSentence, b: PairSentence) => number): void {
  list.push(sentence);
  list.sort(better);
  if (list.length > EXAMPLES_KEPT) list.pop();
}

const byDocThenIndex = (a: PairSentence, b: PairSentence) =>
  a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.sentenceIndex - b.sentenceIndex || (a.pair < b.pair ? -1 : 1);

/** A line of state.jsonl: what a merge needs of a document beyond its record and sentences. */
export interface StateLine {
  id: string;
  date: string;
  exact: string;
  /** MinHash signature, little-endian uint32s in base64. */
  minhash: string;
  /** Names beside countries that matched nothing. */
  names: string[];
}

/**
 * Receives documents as the pipeline produces them: their sentences and
 * fingerprints wait in scratch files and are written, in date-then-id order,
 * to sentences.jsonl and state.jsonl when the run completes; skipped inputs
 * go to skipped.jsonl, sorted by where they were read. Per pair-period it
 * keeps only the few extreme sentences the report quotes.
 */
export class OutputSink implements PipelineSink {
  readonly extremes = new Map<string, Extremes>();
  private readonly skips: SkippedInput[] = [];

  private constructor(
    private readonly dir: string,
    private readonly period: PeriodKind,
    private readonly sentences: KeyedLineStore,
    private readonly state: KeyedLineStore,
  ) {}

  static async open(dir: string, period: PeriodKind): Promise<OutputSink> {
    await removeStaleScratch(dir);
    await removeStaleScratch(join(dir, 'charts'));
    return new OutputSink(
      dir,
      period,
      await KeyedLineStore.open(join(dir, 'sentences.jsonl')),
      await KeyedLineStore.open(join(dir, 'state.jsonl')),
    );
  }

  async document({ record, sentences, names, fingerprint }: DocumentOutcome): Promise<void> {
    await this.sentences.write(record.id, sentences.map((s) => JSON.stringify(s)));
    const line: StateLine = {
      id: record.id,
      date: record.date as string,
      exact: fingerprint.exact,
      minhash: encodeMinhash(fingerprint.minhash),
      names,
    };
    await this.state.write(record.id, [JSON.stringify(line)]);
    for (const sentence of sentences) this.keepExtreme(sentence);
  }

  private keepExtreme(sentence: PairSentence): void {
    const key = `${sentence.pair} ${periodOf(sentence.date, this.period)}`;
    let extremes = this.extremes.get(key);
    if (!extremes) {
      extremes = { negative: [], positive: [] };
      this.extremes.set(key, extremes);
    }
    if (sentence.trust < 0) keep(extremes.negative, sentence, (a, b) => a.trust - b.trust || byDocThenIndex(a, b));
    if (sentence.trust > 0) keep(extremes.positive, sentence, (a, b) => b.trust - a.trust || byDocThenIndex(a, b));
  }

  skipped(skipped: SkippedInput): void {
    this.skips.push(skipped);
  }

  /**
   * Write the files in document order (date, then id), leaving out the
   * sentences of documents folded as duplicates.
   */
  async commit(documents: readonly DocumentRecord[], folded: ReadonlySet<string>): Promise<void> {
    for (const extremes of this.extremes.values()) {
      extremes.negative = extremes.negative.filter((s) => !folded.has(s.docId)).slice(0, EXAMPLES_QUOTED);
      extremes.positive = extremes.positive.filter((s) => !folded.has(s.docId)).slice(0, EXAMPLES_QUOTED);
    }
    const ids = documents.map((d) => d.id);
    await this.sentences.commit(ids.filter((id) => !folded.has(id)));
    await this.state.commit(ids);
    const skipped = await AtomicLineFile.open(join(this.dir, 'skipped.jsonl'));
    const sorted = [...this.skips].sort(
      (a, b) => a.origin.localeCompare(b.origin, 'en', { numeric: true }) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
    );
    for (const s of sorted) await skipped.writeLine(JSON.stringify(s));
    await skipped.commit();
  }

  async abandon(): Promise<void> {
    await Promise.all([this.sentences.abandon(), this.state.abandon()]);
  }
}
