/**
 * Plain records passed between the pipeline stages. Every stage reads one of
 * these and yields the next, so each can be tested and replaced on its own.
 */

/** A document as ingest hands it on: text plus where it came from. */
export interface NewsDocument {
  id: string;
  /** ISO date `YYYY-MM-DD`, or null when no usable date was found. */
  date: string | null;
  title: string;
  text: string;
  url?: string;
  source?: string;
  /** File (and line, for line-based formats) the document was read from. */
  origin: string;
}

/** Why a document or a line of input did not reach the index. */
export type SkipReason =
  | 'malformed-json'
  | 'missing-text'
  | 'undated'
  | 'unreadable'
  | 'not-a-record';

/** An input problem: what was skipped, where, and why. */
export interface SkippedInput {
  /** `file:line` or `file`. */
  origin: string;
  /** Document id when one could be read. */
  id: string | null;
  reason: SkipReason;
  message: string;
}

/** A sentence of a document's body, with its place in the original text. */
export interface Sentence {
  index: number;
  text: string;
}

/** A word-like token and its character span in the sentence. */
export interface Token {
  text: string;
  /** Lower-cased form used for lexicon look-ups. */
  lower: string;
  start: number;
  end: number;
}

/** One country mention in a sentence. */
export interface CountryMention {
  code: string;
  /** The words as they stand in the sentence. */
  surface: string;
  start: number;
  end: number;
  /** Gazetteer category of the entry that matched (name, demonym, capital…). */
  category: string;
}

/** A lexicon entry that matched, with what the rules did to it. */
export interface EvidenceItem {
  /** The lexicon key (lower case, words separated by single spaces). */
  entry: string;
  /** The words as they stand in the sentence. */
  surface: string;
  start: number;
  end: number;
  /** Weight in the lexicon. */
  weight: number;
  /** Weight after the rules. */
  effective: number;
  /** Lexicon dimension (trust) or `tone`. */
  dimension: string;
  /** Rules that changed the weight, e.g. `negated×-0.75 (by "not")`. */
  rules: string[];
}

/** A sentence's scores and everything that produced them. */
export interface SentenceScore {
  /** Trust/cooperation in [-1, 1]. */
  trust: number;
  /** General tone in [-1, 1]. */
  tone: number;
  trustEvidence: EvidenceItem[];
  toneEvidence: EvidenceItem[];
}

/** A scored sentence about one country pair. */
export interface PairSentence {
  docId: string;
  date: string;
  /** Alpha-2 codes sorted and joined by `-`, e.g. `CN-PK`. */
  pair: string;
  sentenceIndex: number;
  text: string;
  trust: number;
  tone: number;
  trustEvidence: EvidenceItem[];
  toneEvidence: EvidenceItem[];
  source?: string;
  url?: string;
}

/** What happened to one document. */
export interface DocumentRecord {
  id: string;
  date: string | null;
  title: string;
  origin: string;
  source?: string;
  status: 'scored' | 'no-pair' | 'skipped';
  reason?: SkipReason;
  sentences: number;
  /** Countries found in the document with their mention counts, sorted by code. */
  countries: Array<{ code: string; mentions: number }>;
  pairs: string[];
}

/** An article's contribution to one pair: the mean of its pair-sentences. */
export interface ArticlePairScore {
  docId: string;
  pair: string;
  month: string;
  trust: number;
  tone: number;
  sentences: number;
}

/** The index of one pair in one calendar month. */
export interface PairMonthIndex {
  pair: string;
  month: string;
  articles: number;
  sentences: number;
  /** Mean article trust in [-1, 1], each article weighted once. */
  trust: number;
  /** Mean article tone in [-1, 1]. */
  tone: number;
  /** Trust on the −100..+100 scale; 0 is neutral. */
  index: number;
  /** 95% bootstrap interval of `index`; null with fewer than two articles. */
  ciLow: number | null;
  ciHigh: number | null;
}
