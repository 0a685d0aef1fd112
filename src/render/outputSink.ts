import { join } from 'node:path';
import { type PeriodKind, periodOf } from '../aggregate/periods.js';
import type { PipelineSink } from '../pipeline.js';
import type { PairSentence, SkippedInput } from '../types.js';
import { AtomicLineFile } from './atomicFile.js';

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
  a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.sentenceIndex - b.sentenceIndex;

/**
 * Streams sentences.jsonl and skipped.jsonl to temporary files as the
 * pipeline runs and keeps, per pair-period, only the few extreme sentences
 * the report quotes.
 */
export class OutputSink implements PipelineSink {
  readonly extremes = new Map<string, Extremes>();

  private constructor(
    private readonly period: PeriodKind,
    private readonly sentences: AtomicLineFile,
    private readonly skips: AtomicLineFile,
  ) {}

  static async open(dir: string, period: PeriodKind): Promise<OutputSink> {
    return new OutputSink(
      period,
      await AtomicLineFile.open(join(dir, 'sentences.jsonl')),
      await AtomicLineFile.open(join(dir, 'skipped.jsonl')),
    );
  }

  async sentence(sentence: PairSentence): Promise<void> {
    await this.sentences.writeLine(JSON.stringify(sentence));
    const key = `${sentence.pair} ${periodOf(sentence.date, this.period)}`;
    let extremes = this.extremes.get(key);
    if (!extremes) {
      extremes = { negative: [], positive: [] };
      this.extremes.set(key, extremes);
    }
    if (sentence.trust < 0) keep(extremes.negative, sentence, (a, b) => a.trust - b.trust || byDocThenIndex(a, b));
    if (sentence.trust > 0) keep(extremes.positive, sentence, (a, b) => b.trust - a.trust || byDocThenIndex(a, b));
  }

  async skipped(skipped: SkippedInput): Promise<void> {
    await this.skips.writeLine(JSON.stringify(skipped));
  }

  /** Move the files into place, dropping the sentences of documents folded as duplicates. */
  async commit(folded: ReadonlySet<string>): Promise<void> {
    for (const extremes of this.extremes.values()) {
      extremes.negative = extremes.negative.filter((s) => !folded.has(s.docId)).slice(0, EXAMPLES_QUOTED);
      extremes.positive = extremes.positive.filter((s) => !folded.has(s.docId)).slice(0, EXAMPLES_QUOTED);
    }
    const keepLine = folded.size === 0 ? undefined : (line: string) => !folded.has((JSON.parse(line) as PairSentence).docId);
    await Promise.all([this.sentences.commit(keepLine), this.skips.commit()]);
  }

  async abandon(): Promise<void> {
    await Promise.all([this.sentences.abandon(), this.skips.abandon()]);
  }
}
