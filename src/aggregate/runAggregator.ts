import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentDetail, PreparedDocument } from '../types/analysis.js';
import type { ArticlePairScore, PairPeriodIndex, PairSummary } from '../types/pairIndex.js';
import type { DocumentRecord, SkippedInput } from '../types/document.js';
import { DuplicateIndex, type Folded } from './duplicates.js';
import type { IndexOptions } from './pairPeriodIndex.js';
import { parallelPairPeriodIndex } from './parallelPairPeriodIndex.js';
import { UNDIRECTED } from './pairPeriodCounts.js';
import { StringPool } from './stringPool.js';
import { BlockFile } from '../util/blockFile.js';
import type { PipelineSink } from '../types/pipelineSink.js';

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
  nonEnglishSentences: number;
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
  /** Documents folded as copies of another, sorted by id. */
  folded: Folded[];
  /** Names beside countries that matched nothing, most frequent first. */
  unknownActors: UnknownActor[];
}

export function emptyCounts(): RunCounts {
  return {
    inputs: 0, documents: 0, scored: 0, noPair: 0, skipped: 0, skippedByReason: {}, duplicates: 0, duplicatesByKind: {},
    sentences: 0, sentencesAboutPairs: 0, pairSentences: 0, boilerplateParagraphs: 0, nonEnglishSentences: 0,
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
    await this.keep(record.id, record.date, record.status, JSON.stringify(record), null);
  }

  async addDocument(doc: PreparedDocument): Promise<void> {
    this.duplicates.add(doc.id, doc.date, doc.fingerprint);
    this.counts.sentences += doc.sentenceCount;
    await this.keep(doc.id, doc.date, doc.status, doc.record, doc.detail);
  }

  /** `record` and `detail` are JSON, as written to the scratch file. */
  private async keep(id: string, date: string | null, status: DocumentRecord['status'], record: string, detail: string | null): Promise<void> {
    const spill = await this.spillFile();
    this.ids.push(id);
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
   * Documents in date-then-id order (a document without a date first); a repeated id's skipped copy after
   * the copy read, so the order does not depend on which arrived first.
   */
  private order(): number[] {
    const { ids, dates, statuses } = this;
    return ids.map((_, i) => i).sort((a, b) => {
      const da = dates[a] ?? '';
      const db = dates[b] ?? '';
      if (da !== db) return da < db ? -1 : 1;
      if (ids[a] !== ids[b]) return (ids[a] as string) < (ids[b] as string) ? -1 : 1;
      return Number(statuses[a] === 'skipped') - Number(statuses[b] === 'skipped');
    });
  }

  /**
   * The result; with `jobs` > 1 a large index is computed on that many worker threads. The sink's
   * `records` is given the documents' final records before the scratch file is removed.
   */
  async finish(options: IndexOptions, jobs = 1, sink?: Pick<PipelineSink, 'records'>): Promise<AggregateResult> {
    const spill = await this.spillFile();
    try {
      await spill.close();
      const folded = this.duplicates.folded();
      const foldedById = new Map(folded.map((f) => [f.id, f]));
      const { index, pairs, unknownActors } = await this.indexOfKept(spill, foldedById, options, jobs);
      // Counted in the order the records are listed, so the counts' keys come in the same order however
      // the documents arrived.
      const order = this.order();
      this.countStatuses(order, foldedById);
      await sink?.records?.(this.records(order, spill, foldedById), new Set(foldedById.keys()));
      return { counts: this.counts, index, pairs, folded, unknownActors };
    } finally {
      await spill.remove();
    }
  }

  private countStatuses(order: readonly number[], folded: ReadonlyMap<string, Folded>): void {
    const { counts } = this;
    for (const i of order) {
      const status = this.statuses[i] as DocumentRecord['status'];
      const fold = folded.get(this.ids[i] as string);
      if (fold && status !== 'skipped') {
        counts.duplicates += 1;
        counts.duplicatesByKind[fold.kind] = (counts.duplicatesByKind[fold.kind] ?? 0) + 1;
      } else if (status === 'scored') counts.scored += 1;
      else if (status === 'no-pair') counts.noPair += 1;
    }
  }

  /** The final records in date-then-id order, each read back from the scratch file when it is reached. */
  private *records(order: readonly number[], spill: BlockFile, folded: ReadonlyMap<string, Folded>): Generator<DocumentRecord> {
    for (const i of order) {
      const record = JSON.parse(spill.read(this.recordBlocks[i] as number)) as DocumentRecord;
      // The id this aggregator already holds, not a second copy of it per document.
      record.id = this.ids[i] as string;
      const fold = folded.get(record.id);
      if (fold && record.status !== 'skipped') {
        record.status = 'duplicate';
        record.duplicateOf = fold.keptId;
        record.duplicateKind = fold.kind;
      }
      yield record;
    }
  }

  /**
   * The index over the article scores of the documents that count, and the names beside countries that
   * matched nothing. Only those documents are read back: copies folded away never reach the heap again.
   */
  private async indexOfKept(
    spill: BlockFile,
    folded: ReadonlyMap<string, Folded>,
    options: IndexOptions,
    jobs: number,
  ): Promise<Pick<AggregateResult, 'index' | 'pairs' | 'unknownActors'>> {
    const kept: ArticlePairScore[] = [];
    const frequency = new Map<string, number>();
    this.ids.forEach((id, i) => {
      const block = this.detailBlocks[i] as number;
      if (block < 0 || folded.has(id)) return;
      const detail = JSON.parse(spill.read(block)) as DocumentDetail;
      for (const score of detail.scores) kept.push(score);
      this.counts.sentencesAboutPairs += detail.sentencesAboutPairs;
      for (const name of detail.names) frequency.set(name, (frequency.get(name) ?? 0) + 1);
    });
    this.counts.pairSentences = kept.filter((s) => s.direction === UNDIRECTED).reduce((n, s) => n + s.sentences, 0);
    const { index, pairs } = await parallelPairPeriodIndex(kept, options, jobs);
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
