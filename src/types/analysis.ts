import type { DocumentRecord } from './document.js';
import type { PairSentence } from './evidence.js';
import type { Fingerprint } from './fingerprint.js';
import type { ArticlePairScore } from './pairIndex.js';

/**
 * A document's analysis (text → actors → score), and the prepared form the
 * rest of the run takes it in: what the pipeline hands to the aggregator and the sink.
 */

/** Everything the pipeline takes from one document: its record and pair-sentences. */
export interface DocumentAnalysis {
  record: DocumentRecord;
  sentences: PairSentence[];
  /** Capitalised names in sentences with a country that matched nothing: candidates for the gazetteer. */
  names: string[];
  boilerplateParagraphs: number;
  otherLanguageSentences: number;
}

/** What the aggregator sets aside of a scored document until the end. */
export interface DocumentDetail {
  scores: ArticlePairScore[];
  /** Its sentences that name a country pair, each once however many pairs it names. */
  sentencesAboutPairs: number;
  names: string[];
}

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

/** A line of origins.jsonl: where an analysed copy was read, for a merge to name it (and to refuse overlapping shards). */
export interface OriginLine {
  id: string;
  origin: string;
}

/** What the report's choice of quotes needs of a pair-sentence, beside its line. */
export interface QuotableSentence {
  pair: string;
  trust: number;
  sentenceIndex: number;
}

/**
 * An analysed document as the rest of the run takes it: the few values the
 * aggregator computes with, and everything it only stores, already as the
 * JSON it is written in. Workers send this instead of the analysis, so the
 * thread that reads and writes does no serialising and the heap it keeps
 * holds a few strings a document rather than a tree of objects.
 */
export interface PreparedDocument {
  id: string;
  date: string;
  /**
   * Where this copy was read (`file:line`, as in skipped.jsonl): unique within a run, so it keys the
   * copy's lines when one id is read more than once.
   */
  origin: string;
  /** `scored` or `no-pair`, as in the record. */
  status: DocumentRecord['status'];
  /** Sentences in the article body, for the run's counts. */
  sentenceCount: number;
  boilerplateParagraphs: number;
  otherLanguageSentences: number;
  fingerprint: Fingerprint;
  /** The document's record (a documents.jsonl line before duplicates are marked). */
  record: string;
  /** Its DocumentDetail as JSON; null when it has no article score and no unknown name. */
  detail: string | null;
  /** Its pair-sentences, one sentences.jsonl line each. */
  sentenceLines: string[];
  /** For each of those lines, in the same order, what choosing quotes compares. */
  quotable: QuotableSentence[];
  /** Its state.jsonl line. */
  state: string;
}
