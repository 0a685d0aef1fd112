import type { Fingerprint } from '../text/fingerprint.js';
import type { ArticlePairScore, DocumentRecord, PairPeriodIndex, PairSentence, PairSummary, SkippedInput } from '../types.js';
import { articleScores } from './articleScores.js';
import { DuplicateIndex, type Folded } from './duplicates.js';
import { type IndexOptions, pairPeriodIndex } from './pairPeriodIndex.js';
import { StringPool } from './stringPool.js';

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
  sentences: number;
  pairSentences: number;
  boilerplateParagraphs: number;
  nonEnglishSentences: number;
}

/** What the aggregator learns of one dated, analysed document. */
export interface DocumentOutcome {
  record: DocumentRecord;
  sentences: PairSentence[];
  /** Capitalised names that matched no country (see actors/unknownNames). */
  names: string[];
  fingerprint: Fingerprint;
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
  /** Every document with its final status, sorted by date then id. */
  documents: DocumentRecord[];
  /** Documents folded as copies of another, sorted by id. */
  folded: Folded[];
  /** Names beside countries that matched nothing, most frequent first. */
  unknownActors: UnknownActor[];
}

export function emptyCounts(): RunCounts {
  return {
    inputs: 0, documents: 0, scored: 0, noPair: 0, skipped: 0, skippedByReason: {}, duplicates: 0, duplicatesByKind: {},
    sentences: 0, pairSentences: 0, boilerplateParagraphs: 0, nonEnglishSentences: 0,
  };
}

function byDateThenId(a: DocumentRecord, b: DocumentRecord): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Collects documents in any order and gives the same result for the same
 * set: the run and the merge of shard runs both go through it. Holds one
 * record, one fingerprint and the article scores per document; sentences
 * stream elsewhere.
 */
export class RunAggregator {
  readonly counts = emptyCounts();
  private readonly scores = new Map<string, ArticlePairScore[]>();
  /** Unknown names of a document, joined by newlines: one string per document rather than a list. */
  private readonly names = new Map<string, string>();
  private readonly strings = new StringPool();
  private readonly documents: DocumentRecord[] = [];
  private readonly duplicates = new DuplicateIndex();

  /** A document or line that did not become a dated document: counted by reason. */
  addSkipped(skipped: SkippedInput): void {
    this.counts.skipped += 1;
    this.counts.skippedByReason[skipped.reason] = (this.counts.skippedByReason[skipped.reason] ?? 0) + 1;
  }

  /** The record of a skipped document (undated, repeated id), listed with the others. */
  addSkippedRecord(record: DocumentRecord): void {
    this.documents.push(record);
  }

  addDocument(outcome: DocumentOutcome): void {
    const record = this.compact(outcome.record);
    this.duplicates.add(record.id, record.date as string, outcome.fingerprint);
    this.counts.sentences += record.sentences;
    this.documents.push(record);
    this.scores.set(record.id, articleScores(outcome.sentences).map((score) => this.compactScore(score, record.id)));
    if (outcome.names.length > 0) this.names.set(record.id, outcome.names.join('\n'));
  }

  /** The record with its repeated strings shared across documents (fields are only replaced, never added). */
  private compact(record: DocumentRecord): DocumentRecord {
    const pool = this.strings;
    if (record.date !== null) record.date = pool.intern(record.date);
    if (record.dateRule !== undefined) record.dateRule = pool.intern(record.dateRule);
    if (record.source !== undefined) record.source = pool.intern(record.source);
    record.status = pool.intern(record.status);
    for (const country of record.countries) country.code = pool.intern(country.code);
    record.pairs = record.pairs.map((pair) => pool.intern(pair));
    return record;
  }

  private compactScore(score: ArticlePairScore, docId: string): ArticlePairScore {
    const pool = this.strings;
    score.docId = docId;
    score.pair = pool.intern(score.pair);
    score.direction = pool.intern(score.direction);
    score.date = pool.intern(score.date);
    if (score.source !== undefined) score.source = pool.intern(score.source);
    for (const entry of score.entries) {
      entry.entry = pool.intern(entry.entry);
      entry.dimension = pool.intern(entry.dimension);
    }
    return score;
  }

  finish(options: IndexOptions): AggregateResult {
    const { counts } = this;
    const folded = this.duplicates.folded();
    const foldedById = new Map(folded.map((f) => [f.id, f]));
    for (const record of this.documents) {
      const fold = foldedById.get(record.id);
      if (fold && record.status !== 'skipped') {
        record.status = 'duplicate';
        record.duplicateOf = fold.keptId;
        record.duplicateKind = fold.kind;
        counts.duplicates += 1;
        counts.duplicatesByKind[fold.kind] = (counts.duplicatesByKind[fold.kind] ?? 0) + 1;
      } else if (record.status === 'scored') counts.scored += 1;
      else if (record.status === 'no-pair') counts.noPair += 1;
    }
    const kept = [...this.scores.entries()].filter(([id]) => !foldedById.has(id)).flatMap(([, s]) => s);
    counts.pairSentences = kept.filter((s) => s.direction === 'both').reduce((n, s) => n + s.sentences, 0);
    const { index, pairs } = pairPeriodIndex(kept, options);
    const frequency = new Map<string, number>();
    for (const [id, names] of this.names) {
      if (foldedById.has(id)) continue;
      for (const name of names.split('\n')) frequency.set(name, (frequency.get(name) ?? 0) + 1);
    }
    const unknownActors = [...frequency.entries()]
      .map(([name, documents]) => ({ name, documents }))
      .sort((a, b) => b.documents - a.documents || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { counts, index, pairs, documents: this.documents.sort(byDateThenId), folded, unknownActors };
  }
}
