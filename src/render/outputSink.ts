import { join } from 'node:path';
import type { PipelineSink } from '../pipeline.js';
import type { DocumentRecord, PairSentence, SkippedInput } from '../types.js';
import { AtomicLineFile } from './atomicFile.js';

/** How many sentences per pair and month the report keeps at each end of the scale. */
export const EXAMPLES_KEPT = 3;

/** The most negative and most positive sentences of one pair-month. */
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
 * Streams sentences.jsonl, documents.jsonl and skipped.jsonl to temporary
 * files as the pipeline runs and keeps, per pair-month, only the few extreme
 * sentences the report quotes.
 */
export class OutputSink implements PipelineSink {
  readonly extremes = new Map<string, Extremes>();

  private constructor(
    private readonly sentences: AtomicLineFile,
    private readonly documents: AtomicLineFile,
    private readonly skips: AtomicLineFile,
  ) {}

  static async open(dir: string): Promise<OutputSink> {
    return new OutputSink(
      await AtomicLineFile.open(join(dir, 'sentences.jsonl')),
      await AtomicLineFile.open(join(dir, 'documents.jsonl')),
      await AtomicLineFile.open(join(dir, 'skipped.jsonl')),
    );
  }

  async sentence(sentence: PairSentence): Promise<void> {
    await this.sentences.writeLine(JSON.stringify(sentence));
    const key = `${sentence.pair} ${sentence.date.slice(0, 7)}`;
    let extremes = this.extremes.get(key);
    if (!extremes) {
      extremes = { negative: [], positive: [] };
      this.extremes.set(key, extremes);
    }
    if (sentence.trust < 0) keep(extremes.negative, sentence, (a, b) => a.trust - b.trust || byDocThenIndex(a, b));
    if (sentence.trust > 0) keep(extremes.positive, sentence, (a, b) => b.trust - a.trust || byDocThenIndex(a, b));
  }

  async document(record: DocumentRecord): Promise<void> {
    await this.documents.writeLine(JSON.stringify(record));
  }

  async skipped(skipped: SkippedInput): Promise<void> {
    await this.skips.writeLine(JSON.stringify(skipped));
  }

  async commit(): Promise<void> {
    await Promise.all([this.sentences.commit(), this.documents.commit(), this.skips.commit()]);
  }

  async abandon(): Promise<void> {
    await Promise.all([this.sentences.abandon(), this.documents.abandon(), this.skips.abandon()]);
  }
}
