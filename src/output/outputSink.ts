import { join } from 'node:path';
import { type PeriodKind, periodOf } from '../aggregate/periods.js';
import type { FinalRecord, PipelineSink } from '../types/pipelineSink.js';
import type { OriginLine, PreparedDocument, QuotableSentence } from '../types/analysis.js';
import type { SkippedInput } from '../types/document.js';
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
  /** Where its document was read: the key of its lines (copies of one id share the id). */
  origin: string;
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
  a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.sentenceIndex - b.sentenceIndex || (a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : a.origin < b.origin ? -1 : 1);

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
 * Receives documents as the pipeline produces them: their sentences,
 * fingerprints and origins wait in scratch files, keyed by origin, and are
 * written, in date-then-id order, to sentences.jsonl, state.jsonl and
 * origins.jsonl when the run completes, beside the
 * final records in documents.jsonl; skipped inputs
 * go to skipped.jsonl, sorted by where they were read. Per pair-period it
 * keeps only the few extreme sentences the report quotes.
 */
export class OutputSink implements PipelineSink {
  /** The sentences the report quotes, by `pair period`; filled by `records`. */
  readonly extremes = new Map<string, Extremes>();
  /** Per pair, the documents counted for it by their language: the report says which languages fed each pair. */
  readonly languages = new Map<string, Map<string, number>>();
  private readonly candidates = new Map<string, Candidates>();
  private readonly skips: SkippedInput[] = [];

  private constructor(
    private readonly dir: string,
    private readonly period: PeriodKind,
    /** sentences.jsonl (file 0), state.jsonl (file 1) and origins.jsonl (file 2), keyed by origin. */
    private readonly lines: KeyedLineStore,
    private readonly allowEmpty: boolean,
  ) {}

  /** With `allowEmpty` false, `records` throws NoDocumentsError, before any file is replaced, when no document was usable. */
  static async open(dir: string, period: PeriodKind, allowEmpty = false): Promise<OutputSink> {
    return new OutputSink(
      dir,
      period,
      await KeyedLineStore.open(join(dir, 'sentences.jsonl'), join(dir, 'state.jsonl'), join(dir, 'origins.jsonl')),
      allowEmpty,
    );
  }

  async document(doc: PreparedDocument): Promise<void> {
    const origin: OriginLine = { id: doc.id, origin: doc.origin };
    await this.lines.write(doc.origin, doc.sentenceLines, [doc.state], [JSON.stringify(origin)]);
    const period = periodOf(doc.date, this.period);
    doc.quotable.forEach(({ pair, trust, sentenceIndex }, line) => {
      // A literal, not a spread of the deserialised object: candidates then share one hidden class
      // (spread copies took a shape of their own each, ~300 bytes a candidate).
      this.keepExtreme(`${pair} ${period}`, { pair, trust, sentenceIndex, docId: doc.id, origin: doc.origin, line });
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

  private countLanguage(pairs: readonly string[], lang: string): void {
    for (const pair of pairs) {
      const counts = this.languages.get(pair) ?? new Map<string, number>();
      counts.set(lang, (counts.get(lang) ?? 0) + 1);
      this.languages.set(pair, counts);
    }
  }

  skipped(skipped: SkippedInput): void {
    this.skips.push(skipped);
  }

  /**
   * Write the files in document order (date, then id): documents.jsonl as the records come, then
   * sentences.jsonl with the sentences of the documents counted only, and state.jsonl and origins.jsonl
   * with a line for every copy analysed (repeats of an id and folded copies too: a merge decides anew).
   */
  async records(records: Iterable<FinalRecord>): Promise<void> {
    const analysed: string[] = [];
    /** Origins of the copies analysed whose sentences do not count: few, unlike those that do. */
    const folded = new Set<string>();
    let usable = 0;
    const documents = await AtomicLineFile.open(join(this.dir, 'documents.jsonl'));
    for (const { record, origin, counted } of records) {
      if (origin !== null) {
        analysed.push(origin);
        if (!counted) folded.add(origin);
      }
      if (record.status !== 'skipped') usable += 1;
      if (counted) this.countLanguage(record.pairs, record.lang ?? 'und');
      await documents.writeLine(JSON.stringify(record));
    }
    if (usable === 0 && !this.allowEmpty) {
      await documents.abandon();
      throw new NoDocumentsError(noDocumentsMessage(this.skips));
    }
    await documents.commit();
    await this.lines.close();
    const chosen = (list: Candidate[]) => list.filter((c) => !folded.has(c.origin)).slice(0, EXAMPLES_QUOTED);
    const lines = this.quotedLines([...this.candidates.values()].flatMap(({ negative, positive }) => [...chosen(negative), ...chosen(positive)]));
    const quoted = (list: Candidate[]) => chosen(list).map((c) => JSON.parse(lines.get(`${c.line} ${c.origin}`) as string) as PairSentence);
    for (const [key, { negative, positive }] of this.candidates) this.extremes.set(key, { negative: quoted(negative), positive: quoted(positive) });
    await this.lines.commit(analysed.filter((origin) => !folded.has(origin)), analysed, analysed);
    const skipped = await AtomicLineFile.open(join(this.dir, 'skipped.jsonl'));
    const sorted = [...this.skips].sort(
      (a, b) => a.origin.localeCompare(b.origin, 'en', { numeric: true }) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
    );
    for (const s of sorted) await skipped.writeLine(JSON.stringify(s));
    await skipped.commit();
  }

  /**
   * The lines of the sentences quoted, by `line origin`, each document's block read once however many
   * of its sentences are quoted (read per quote, one long article's block was read hundreds of times).
   */
  private quotedLines(quoted: readonly Candidate[]): Map<string, string> {
    const byDoc = new Map<string, number[]>();
    for (const { origin, line } of quoted) {
      const wanted = byDoc.get(origin);
      if (wanted) wanted.push(line);
      else byDoc.set(origin, [line]);
    }
    const lines = new Map<string, string>();
    for (const [origin, wanted] of byDoc) {
      const block = this.lines.lines(origin);
      for (const line of wanted) lines.set(`${line} ${origin}`, block[line] as string);
    }
    return lines;
  }

  async abandon(): Promise<void> {
    await this.lines.abandon();
  }
}
