import { join } from 'node:path';
import { type PeriodKind, periodOf } from '../aggregate/periods.js';
import type { PipelineSink } from '../types/pipelineSink.js';
import type { PreparedDocument, QuotableSentence } from '../types/analysis.js';
import type { DocumentRecord, SkippedInput } from '../types/document.js';
import type { PairSentence } from '../types/evidence.js';
import type { Extremes } from '../render/report.js';
import { AtomicLineFile } from '../util/atomicFile.js';
import { KeyedLineStore } from './keyedLineStore.js';
import { printable } from '../util/printable.js';

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
 * A run that read no usable (dated) document: its outputs would be empty, so nothing is written and
 * the previous outputs stay, unless the run allows an empty result.
 */
export class NoDocumentsError extends Error {}

function noDocumentsMessage(skips: readonly SkippedInput[]): string {
  const first = skips[0];
  if (!first) return 'no document was read; the previous outputs are kept (--allow-empty writes empty ones)';
  const reasons = new Map<string, number>();
  for (const s of skips) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const counted = [...reasons].map(([reason, n]) => `${n} ${reason}`).join(', ');
  return (
    `no usable document was read: ${skips.length} inputs skipped (${counted}; the first: ${printable(first.origin)}, ${printable(first.message)}); ` +
    'the previous outputs are kept (--allow-empty writes empty ones)'
  );
}

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
    private readonly allowEmpty: boolean,
  ) {}

  /** With `allowEmpty` false, `records` throws NoDocumentsError, before any file is replaced, when no document was usable. */
  static async open(dir: string, period: PeriodKind, allowEmpty = false): Promise<OutputSink> {
    return new OutputSink(
      dir,
      period,
      await KeyedLineStore.open(join(dir, 'sentences.jsonl'), join(dir, 'state.jsonl')),
      allowEmpty,
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
    let usable = 0;
    const documents = await AtomicLineFile.open(join(this.dir, 'documents.jsonl'));
    for (const record of records) {
      // A skipped document has no lines; its id may be a repeat of a read one, whose lines must be written once.
      if (record.status !== 'skipped') {
        ids.push(record.id);
        usable += 1;
      }
      await documents.writeLine(JSON.stringify(record));
    }
    if (usable === 0 && !this.allowEmpty) {
      await documents.abandon();
      throw new NoDocumentsError(noDocumentsMessage(this.skips));
    }
    await documents.commit();
    await this.lines.close();
    const chosen = (list: Candidate[]) => list.filter((c) => !folded.has(c.docId)).slice(0, EXAMPLES_QUOTED);
    const lines = this.quotedLines([...this.candidates.values()].flatMap(({ negative, positive }) => [...chosen(negative), ...chosen(positive)]));
    const quoted = (list: Candidate[]) => chosen(list).map((c) => JSON.parse(lines.get(`${c.line} ${c.docId}`) as string) as PairSentence);
    for (const [key, { negative, positive }] of this.candidates) this.extremes.set(key, { negative: quoted(negative), positive: quoted(positive) });
    await this.lines.commit(ids.filter((id) => !folded.has(id)), ids);
    const skipped = await AtomicLineFile.open(join(this.dir, 'skipped.jsonl'));
    const sorted = [...this.skips].sort(
      (a, b) => a.origin.localeCompare(b.origin, 'en', { numeric: true }) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
    );
    for (const s of sorted) await skipped.writeLine(JSON.stringify(s));
    await skipped.commit();
  }

  /**
   * The lines of the sentences quoted, by `line docId`, each document's block read once however many
   * of its sentences are quoted (read per quote, one long article's block was read hundreds of times).
   */
  private quotedLines(quoted: readonly Candidate[]): Map<string, string> {
    const byDoc = new Map<string, number[]>();
    for (const { docId, line } of quoted) {
      const wanted = byDoc.get(docId);
      if (wanted) wanted.push(line);
      else byDoc.set(docId, [line]);
    }
    const lines = new Map<string, string>();
    for (const [docId, wanted] of byDoc) {
      const block = this.lines.lines(docId);
      for (const line of wanted) lines.set(`${line} ${docId}`, block[line] as string);
    }
    return lines;
  }

  async abandon(): Promise<void> {
    await this.lines.abandon();
  }
}
