import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentDetail, PreparedDocument } from '../types/analysis.js';
import type { ArticlePairScore, PairPeriodIndex, PairSummary } from '../types/pairIndex.js';
import type { DocumentRecord, SkippedInput } from '../types/document.js';
import { DuplicateIndex, type Folded, type Resolution } from './duplicates.js';
import type { IndexOptions } from './pairPeriodIndex.js';
import { parallelPairPeriodIndex } from './parallelPairPeriodIndex.js';
import { UNDIRECTED } from './pairPeriodCounts.js';
import { StringPool } from './stringPool.js';
import { BlockFile } from '../util/blockFile.js';
import type { FinalRecord, PipelineSink } from '../types/pipelineSink.js';

/** Counts of what the run read and why anything was left out. */
export interface RunCounts {
  inputs: number;
  documents: number;
  scored: number;
  noPair: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  duplicates: number;
  duplicatesByKind: Record<string, number>;
  /** Sentences in the bodies of all documents read, copies included. */
  sentences: number;
  /** Sentences naming a country pair, each once, in the documents counted (copies folded away). */
  sentencesAboutPairs: number;
  /** Pair-sentences in those documents: a sentence counts once for each pair it names (three countries, three pairs). */
  pairSentences: number;
  boilerplateParagraphs: number;
  otherLanguageSentences: number;
}

/** A name the gazetteer does not know, and how many documents used it beside a country. */
export interface UnknownActor {
  name: string;
  documents: number;
}

export interface AggregateResult {
  counts: RunCounts;
  index: PairPeriodIndex[];
  pairs: PairSummary[];
  /** Documents folded as copies of another, sorted by id (repeats of an id are skipped as `duplicate-id` instead). */
  folded: Folded[];
  /** Names beside countries that matched nothing, most frequent first. */
  unknownActors: UnknownActor[];
}

export function emptyCounts(): RunCounts {
  return {
    inputs: 0, documents: 0, scored: 0, noPair: 0, skipped: 0, skippedByReason: {}, duplicates: 0, duplicatesByKind: {},
    sentences: 0, sentencesAboutPairs: 0, pairSentences: 0, boilerplateParagraphs: 0, otherLanguageSentences: 0,
  };
}

/**
 * Collects documents in any order and gives the same result for the same
 * set: the run and the merge of shard runs both go through it. What it
 * needs of each document at the end (the record, the article scores, the
 * unknown names) waits in a scratch file; the heap holds only each
 * document's id, date, status and block numbers, and the duplicate index, so memory
 * grows by tens of bytes a document rather than kilobytes. Sentences stream
 * elsewhere.
 */
export class RunAggregator {
  readonly counts = emptyCounts();
  private readonly ids: string[] = [];
  private readonly dates: Array<string | null> = [];
  private readonly statuses: Array<DocumentRecord['status']> = [];
  private readonly recordBlocks: number[] = [];
  /** Block of a document's article scores and unknown names; −1 when it has neither. */
  private readonly detailBlocks: number[] = [];
  /** Where each analysed copy was read (null for a skipped record): it names the copies of a repeated id. */
  private readonly origins: Array<string | null> = [];
  /** Each analysed copy's number in the duplicate index; −1 for a skipped record. */
  private readonly docs: number[] = [];
  private readonly strings = new StringPool();
  private readonly duplicates = new DuplicateIndex();
  private spill: Promise<BlockFile> | null = null;

  /** `scratchDir` holds the scratch file while documents arrive (the output folder in a run). */
  constructor(private readonly scratchDir: string = tmpdir()) {}

  private spillFile(): Promise<BlockFile> {
    this.spill ??= BlockFile.open(join(this.scratchDir, `aggregate.unsorted-${process.pid}-${randomUUID().slice(0, 8)}`));
    return this.spill;
  }

  /** A document or line that did not become a dated document: counted by reason. */
  addSkipped(skipped: SkippedInput): void {
    this.counts.skipped += 1;
    this.counts.skippedByReason[skipped.reason] = (this.counts.skippedByReason[skipped.reason] ?? 0) + 1;
  }

  /** The record of a skipped document (undated, repeated id), listed with the others. */
  async addSkippedRecord(record: DocumentRecord): Promise<void> {
    await this.keep(record.id, record.date, record.status, JSON.stringify(record), null, null, -1);
  }

  /**
   * An analysed copy. Copies of one id may come in any order: which of them counts is decided in `finish`,
   * as duplicates are (see DuplicateIndex), and the others are reported there as `duplicate-id`.
   */
  async addDocument(doc: PreparedDocument): Promise<void> {
    const number = this.duplicates.add(doc.id, doc.date, doc.fingerprint, doc.origin);
    this.counts.sentences += doc.sentenceCount;
    await this.keep(doc.id, doc.date, doc.status, doc.record, doc.detail, doc.origin, number);
  }

  /** `record` and `detail` are JSON, as written to the scratch file. */
  private async keep(
    id: string,
    date: string | null,
    status: DocumentRecord['status'],
    record: string,
    detail: string | null,
    origin: string | null,
    doc: number,
  ): Promise<void> {
    const spill = await this.spillFile();
    this.ids.push(id);
    this.origins.push(origin);
    this.docs.push(doc);
    this.dates.push(date === null ? null : this.strings.intern(date));
    this.statuses.push(status);
    // Everything about the document is pushed before any write is awaited, so concurrent callers keep their rows aligned.
    const recordWrite = spill.append(record);
    const detailWrite = detail === null ? null : spill.append(detail);
    this.recordBlocks.push(recordWrite.block);
    this.detailBlocks.push(detailWrite?.block ?? -1);
    await Promise.all([recordWrite.written, detailWrite?.written]);
  }

  /**
   * Documents in date-then-id order (a document without a date first), each id's counted copy before its
   * skipped ones, copies of one id and date by content hash and origin (as DuplicateIndex ranks them), and
   * records still alike by their text: the order does not depend on which arrived first.
   */
  private order(spill: BlockFile, repeats: ReadonlyMap<number, number>): number[] {
    const { ids, dates, statuses, docs } = this;
    const skipped = (i: number) => Number(statuses[i] === 'skipped' || repeats.has(i));
    return ids.map((_, i) => i).sort((a, b) => {
      const da = dates[a] ?? '';
      const db = dates[b] ?? '';
      if (da !== db) return da < db ? -1 : 1;
      if (ids[a] !== ids[b]) return (ids[a] as string) < (ids[b] as string) ? -1 : 1;
      const [na, nb] = [docs[a] as number, docs[b] as number];
      const ranked = skipped(a) - skipped(b) || Number(na < 0) - Number(nb < 0) || (na >= 0 && nb >= 0 ? this.duplicates.compare(na, nb) : 0);
      if (ranked !== 0) return ranked;
      const [ra, rb] = [spill.read(this.recordBlocks[a] as number), spill.read(this.recordBlocks[b] as number)];
      return ra < rb ? -1 : ra > rb ? 1 : 0;
    });
  }

  /** The resolution of the duplicate index by entry (the aggregator's numbering of documents and records). */
  private byEntry({ folded, repeats }: Resolution): { folded: Map<number, Folded>; repeats: Map<number, number> } {
    const entryOf = new Map<number, number>();
    this.docs.forEach((doc, entry) => {
      if (doc >= 0) entryOf.set(doc, entry);
    });
    const entry = (doc: number) => entryOf.get(doc) as number;
    return {
      folded: new Map([...folded].map(([doc, fold]) => [entry(doc), fold])),
      repeats: new Map([...repeats].map(([doc, first]) => [entry(doc), entry(first)])),
    };
  }

  /** A repeat of an id, as skipped.jsonl lists it: where it was read, and where the copy that counts was. */
  private repeatSkip(entry: number, first: number): SkippedInput {
    const id = this.ids[entry] as string;
    const message =
      `id ${JSON.stringify(id)} was also read at ${this.origins[first]} (dated ${this.dates[first]}); of the copies of one id the ` +
      `earliest dated counts (then the smallest content hash), so this copy (dated ${this.dates[entry]}) is not counted`;
    return { origin: this.origins[entry] as string, id, reason: 'duplicate-id', message };
  }

  /**
   * The result; with `jobs` > 1 a large index is computed on that many worker threads. Repeats of an id are
   * given to the sink's `skipped`, then its `records` the documents' final records, before the scratch file
   * is removed.
   */
  async finish(options: IndexOptions, jobs = 1, sink?: Pick<PipelineSink, 'records' | 'skipped'>, indexed = true): Promise<AggregateResult> {
    const spill = await this.spillFile();
    try {
      await spill.close();
      const { folded, repeats } = this.byEntry(this.duplicates.resolve());
      for (const [entry, first] of repeats) {
        const skip = this.repeatSkip(entry, first);
        this.addSkipped(skip);
        await sink?.skipped(skip);
      }
      const { index, pairs, unknownActors } = await this.indexOfKept(spill, folded, repeats, options, jobs, indexed);
      // Counted in the order the records are listed, so the counts' keys come in the same order however
      // the documents arrived.
      const order = this.order(spill, repeats);
      this.countStatuses(order, folded, repeats);
      await sink?.records?.(this.records(order, spill, folded, repeats));
      const foldedList = [...folded.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
      return { counts: this.counts, index, pairs, folded: foldedList, unknownActors };
    } finally {
      await spill.remove();
    }
  }

  private countStatuses(order: readonly number[], folded: ReadonlyMap<number, Folded>, repeats: ReadonlyMap<number, number>): void {
    const { counts } = this;
    for (const i of order) {
      const status = this.statuses[i] as DocumentRecord['status'];
      const fold = folded.get(i);
      // A repeat of an id was counted as skipped when it was reported.
      if (repeats.has(i)) continue;
      if (fold && status !== 'skipped') {
        counts.duplicates += 1;
        counts.duplicatesByKind[fold.kind] = (counts.duplicatesByKind[fold.kind] ?? 0) + 1;
      } else if (status === 'scored') counts.scored += 1;
      else if (status === 'no-pair') counts.noPair += 1;
    }
  }

  /** The final records in date-then-id order, each read back from the scratch file when it is reached. */
  private *records(
    order: readonly number[],
    spill: BlockFile,
    folded: ReadonlyMap<number, Folded>,
    repeats: ReadonlyMap<number, number>,
  ): Generator<FinalRecord> {
    for (const i of order) {
      const record = JSON.parse(spill.read(this.recordBlocks[i] as number)) as DocumentRecord;
      // The id this aggregator already holds, not a second copy of it per document.
      record.id = this.ids[i] as string;
      const fold = folded.get(i);
      if (repeats.has(i)) {
        // Its analysis stays in the record (a merge decides anew which copy counts); status and reason say it does not count.
        record.status = 'skipped';
        record.reason = 'duplicate-id';
      } else if (fold && record.status !== 'skipped') {
        record.status = 'duplicate';
        record.duplicateOf = fold.keptId;
        record.duplicateKind = fold.kind;
      }
      const origin = this.origins[i] as string | null;
      yield { record, origin, counted: origin !== null && record.status !== 'skipped' && record.status !== 'duplicate' };
    }
  }

  /**
   * The index over the article scores of the documents that count, and the names beside countries that
   * matched nothing. Only those documents are read back: copies folded away never reach the heap again.
   */
  private async indexOfKept(
    spill: BlockFile,
    folded: ReadonlyMap<number, Folded>,
    repeats: ReadonlyMap<number, number>,
    options: IndexOptions,
    jobs: number,
    indexed: boolean,
  ): Promise<Pick<AggregateResult, 'index' | 'pairs' | 'unknownActors'>> {
    const kept: ArticlePairScore[] = [];
    const frequency = new Map<string, number>();
    this.detailBlocks.forEach((block, i) => {
      if (block < 0 || folded.has(i) || repeats.has(i)) return;
      const detail = JSON.parse(spill.read(block)) as DocumentDetail;
      for (const score of detail.scores) kept.push(score);
      this.counts.sentencesAboutPairs += detail.sentencesAboutPairs;
      for (const name of detail.names) frequency.set(name, (frequency.get(name) ?? 0) + 1);
    });
    this.counts.pairSentences = kept.filter((s) => s.direction === UNDIRECTED).reduce((n, s) => n + s.sentences, 0);
    // A shard's index would be thrown away by the merge, which computes it over every shard: its
    // permutation tests were a sixth of a Reuters part's time.
    const { index, pairs } = indexed ? await parallelPairPeriodIndex(kept, options, jobs) : { index: [], pairs: [] };
    const unknownActors = [...frequency.entries()]
      .map(([name, documents]) => ({ name, documents }))
      .sort((a, b) => b.documents - a.documents || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { index, pairs, unknownActors };
  }

  /** Delete the scratch file of a run that failed. */
  async abandon(): Promise<void> {
    if (this.spill) await (await this.spill).remove();
  }
}
