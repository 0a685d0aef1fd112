import { articleScores } from './aggregate/articleScores.js';
import type { DocumentAnalysis } from './pipeline.js';
import { type Fingerprint, encodeMinhash } from './text/fingerprint.js';
import type { ArticlePairScore, DocumentRecord } from './types.js';

/** What the aggregator sets aside of a scored document until the end. */
export interface DocumentDetail {
  scores: ArticlePairScore[];
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
  /** `scored` or `no-pair`, as in the record. */
  status: DocumentRecord['status'];
  /** Sentences in the article body, for the run's counts. */
  sentenceCount: number;
  boilerplateParagraphs: number;
  nonEnglishSentences: number;
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

/**
 * Serialise an analysis and compute its article scores: the work on a
 * document that needs nothing from other documents.
 *
 * @example
 * const prepared = prepareDocument(analyzeDocument(doc, defaultScorer()), fingerprint(fullText(doc)));
 * JSON.parse(prepared.record).status; // 'scored'
 */
export function prepareDocument(analysis: DocumentAnalysis, fingerprint: Fingerprint): PreparedDocument {
  const { record, sentences, names } = analysis;
  const date = record.date as string;
  const scores = articleScores(sentences);
  const detail: DocumentDetail = { scores, names };
  const state: StateLine = { id: record.id, date, exact: fingerprint.exact, minhash: encodeMinhash(fingerprint.minhash), names };
  return {
    id: record.id,
    date,
    status: record.status,
    sentenceCount: record.sentences,
    boilerplateParagraphs: analysis.boilerplateParagraphs,
    nonEnglishSentences: analysis.nonEnglishSentences,
    fingerprint,
    record: JSON.stringify(record),
    detail: scores.length > 0 || names.length > 0 ? JSON.stringify(detail) : null,
    sentenceLines: sentences.map((s) => JSON.stringify(s)),
    quotable: sentences.map((s) => ({ pair: s.pair, trust: s.trust, sentenceIndex: s.sentenceIndex })),
    state: JSON.stringify(state),
  };
}
