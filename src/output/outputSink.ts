import { join } from 'node:path';
import { type PeriodKind, periodOf } from '../aggregate/periods.js';
import type { PipelineSink } from '../types/pipelineSink.js';
import type { PreparedDocument, QuotableSentence } from '../types/analysis.js';
import type { DocumentRecord, SkippedInput } from '../types/document.js';
import type { PairSentence } from '../types/evidence.js';
import type { Extremes } from '../render/report.js';
import { AtomicLineFile, removeStaleScratch } from '../util/atomicFile.js';
import { KeyedLineStore } from './keyedLineStore.js';

/** How many sentences per pair and period the report quotes at each end of the scale. */
export const EXAMPLES_QUOTED = 3;
/** Kept per end before duplicates are folded, so copies of one story cannot crowd out the others. */
const EXAMPLES_KEPT = 4 * EXAMPLES_QUOTED;

/**
 * A sentence that may be quoted: what ranks it, and where its line waits in
 * the sentences' scratch file (read back only if it is quoted in the end).
 * Holding the lines themselves cost a kilobyte a candidate, and a large
 * archive has 24 candidates for every pair and period.
 */
interface Candidate extends QuotableSentence {
  docId: string;
  /** Index of the sentence's line among its document's lines. */
  line: number;
}

interface Candidates {
  negative: Candidate[];
  positive: Candidate[];
}

function keep(list: Candidate[], candidate: Candidate, better: (a: Candidate, b: Candidate) => number): void {
  list.push(candidate);
  list.sort(better);
  if (list.length > EXAMPLES_KEPT) list.pop();
}

const byDocThenIndex = (a: Candidate, b: Candidate) =>
  a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.sentenceIndex - b.sentenceIndex || (a.pair < b.pair ? -1 : 1);

/**
 * Receives documents as the pipeline produces them: their sentences and
 * fingerprints wait in scratch files and are written, in date-then-id order,
 * to sentences.jsonl and state.jsonl when the run completes, beside the
 * final records in documents.jsonl; skipped inputs
 * go to skipped.jsonl, sorted by where they were read. Per pair-period it
 * keeps only the few extreme sentences the report quotes.
 */
export class OutputSink implements PipelineSink {
  /** The sentences the report quotes, by `pair period`; filled by `records`. */
  readonly extremes = new Map<string, Extremes>();
  private readonly candidates = new Map<string, Candidates>();
  private readonly skips: SkippedInput[] = [];

  private constructor(
    private readonly dir: string,
    private readonly period: PeriodKind,
    /** sentences.jsonl (file 0) and state.jsonl (file 1). */
    private readonly lines: KeyedLineStore,
  ) {}

  static async open(dir: string, period: PeriodKind): Promise<OutputSink> {
    await removeStaleScratch(dir);
    await removeStaleScratch(join(dir, 'charts'));
    return new OutputSink(
      dir,
      period,
      await KeyedLineStore.open(join(dir, 'sentences.jsonl'), join(dir, 'state.jsonl')),
    );
  }

  async document(doc: PreparedDocument): Promise<void> {
    await this.lines.write(doc.id, doc.sentenceLines, [doc.state]);
    const period = periodOf(doc.date, this.period);
    doc.quotable.forEach(({ pair, trust, sentenceIndex }, line) => {
      // A literal, not a spread of the deserialised object: candidates then share one hidden class
      // (spread copies took a shape of their own each, ~300 bytes a candidate).
      this.keepExtreme(`${pair} ${period}`, { pair, trust, sentenceIndex, docId: doc.id, line });
    });
  }

  private keepExtreme(key: string, candidate: Candidate): void {
    let candidates = this.candidates.get(key);
    if (!candidates) {
      candidates = { negative: [], positive: [] };
      this.candidates.set(key, candidates);
    }
    if (candidate.trust < 0) keep(candidates.negative, candidate, (a, b) => a.trust - b.trust || byDocThenIndex(a, b));
    if (candidate.trust > 0) keep(candidates.positive, candidate, (a, b) => b.trust - a.trust || byDocThenIndex(a, b));
  }

  skipped(skipped: SkippedInput): void {
    this.skips.push(skipped);
  }

  /**
   * Write the files in document order (date, then id): documents.jsonl as the records come,
   * then sentences.jsonl without the sentences of documents folded as duplicates, and state.jsonl.
   */
  async records(records: Iterable<DocumentRecord>, folded: ReadonlySet<string>): Promise<void> {
    const ids: string[] = [];
    const documents = await AtomicLineFile.open(join(this.dir, 'documents.jsonl'));
    for (const record of records) {
      // A skipped document has no lines; its id may be a repeat of a read one, whose lines must be written once.
      if (record.status !== 'skipped') ids.push(record.id);
      await documents.writeLine(JSON.stringify(record));
    }
    await documents.commit();
    await this.lines.close();
    const quoted = (list: Candidate[]) =>
      list.filter((c) => !folded.has(c.docId)).slice(0, EXAMPLES_QUOTED).map((c) => JSON.parse(this.lines.lines(c.docId)[c.line] as string) as PairSentence);
    for (const [key, { negative, positive }] of this.candidates) this.extremes.set(key, { negative: quoted(negative), positive: quoted(positive) });
    await this.lines.commit(ids.filter((id) => !folded.has(id)), ids);
    const skipped = await AtomicLineFile.open(join(this.dir, 'skipped.jsonl'));
    const sorted = [...this.skips].sort(
      (a, b) => a.origin.localeCompare(b.origin, 'en', { numeric: true }) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
    );
    for (const s of sorted) await skipped.writeLine(JSON.stringify(s));
    await skipped.commit();
  }

  async abandon(): Promise<void> {
    await this.lines.abandon();
  }
}
