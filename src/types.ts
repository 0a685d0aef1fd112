/**
 * Plain records passed between the pipeline stages. Every stage reads one of
 * these and yields the next, so each can be tested and replaced on its own.
 */

/** A document as ingest hands it on: text plus where it came from. */
export interface NewsDocument {
  id: string;
  /** ISO date `YYYY-MM-DD`, or null when no usable date was found. */
  date: string | null;
  /** How the date was found: metadata, url, text-header ("Ноябрь 2024"), text, or default (`--date`). */
  dateRule?: string;
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
  | 'not-a-record'
  | 'duplicate-id'
  | 'malformed-csv'
  | 'malformed-xml'
  | 'no-article'
  | 'binary'
  | 'invalid-utf8'
  | 'empty';

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
  /** `CN>PK` when the sentence makes plain who acts on whom; absent otherwise. */
  direction?: string;
  /** True when the sentence names fewer than two countries and is attributed to the article's principal pair. */
  inherited?: boolean;
  /** True when one of the pair's countries is named only through a proxy (Huawei, the Bundesbank, Texas). */
  proxy?: boolean;
  source?: string;
  url?: string;
}

/** What happened to one document. */
export interface DocumentRecord {
  id: string;
  date: string | null;
  /** How the date was found (see NewsDocument.dateRule). */
  dateRule?: string;
  title: string;
  source?: string;
  status: 'scored' | 'no-pair' | 'skipped' | 'duplicate';
  reason?: SkipReason;
  /** For a duplicate: the document kept in its place, and whether the copy was exact or near. */
  duplicateOf?: string;
  duplicateKind?: 'exact' | 'near';
  sentences: number;
  /** Countries found in the document with their mention counts, sorted by code. */
  countries: Array<{ code: string; mentions: number }>;
  pairs: string[];
}

/** What one lexicon entry added to a score, in the score's own units. */
export interface EntryContribution {
  entry: string;
  dimension: string;
  contribution: number;
}

/** An article's contribution to one pair (or one directed dyad): the mean of its sentences about it. */
export interface ArticlePairScore {
  docId: string;
  pair: string;
  /** `both` for the undirected pair, `CN>PK` for a directed dyad. */
  direction: string;
  date: string;
  source?: string;
  trust: number;
  tone: number;
  sentences: number;
  /** Share of `trust` from each dimension; they add up to `trust`. */
  dimensions: Record<string, number>;
  /** Share of `trust` from each matched entry, sorted by entry. */
  entries: EntryContribution[];
}

/** The index of one pair in one period (a month by default). */
export interface PairPeriodIndex {
  pair: string;
  /** `both` for the undirected pair (every sentence about it), `CN>PK` for the sentences where CN acts on PK. */
  direction: string;
  /** `2024-11`, `2024-Q4` or `2024-W48`. */
  period: string;
  /** The calendar month the period starts in. */
  month: string;
  articles: number;
  sentences: number;
  /** Distinct sources among the articles. */
  sources: number;
  /** Mean article trust in [-1, 1], each article weighted once. */
  trust: number;
  /** Mean article tone in [-1, 1]. */
  tone: number;
  /** Trust on the −100..+100 scale; 0 is neutral. */
  index: number;
  /** 95% bootstrap interval of `index`; null with fewer than two articles. */
  ciLow: number | null;
  ciHigh: number | null;
  /** Fewer articles than the coverage threshold. */
  lowCoverage: boolean;
  /** `index` shrunk toward the pair's long-run mean (empirical Bayes). */
  indexShrunk: number;
  /** The previous period with articles, and the change from it. */
  previousPeriod: string | null;
  delta: number | null;
  /** Two-sided permutation-test p-value of the change; null when either side has fewer than two articles. */
  pChange: number | null;
  /** p < 0.05 and both periods have enough coverage. */
  significant: boolean;
  /** Mean index of the periods with articles among this one and the two before it. */
  rolling3: number;
  /** Index points from each dimension; they add up to `index`. */
  dimensions: Record<string, number>;
  /** The entries that moved the index most, in index points. */
  topEntries: EntryContribution[];
}

/** A pair's whole series: coverage and linear trend. */
export interface PairSummary {
  pair: string;
  direction: string;
  articles: number;
  periods: number;
  /** Long-run mean index over all the pair's articles. */
  mean: number;
  /** Slope of a least-squares line through the period indices, index points per period; null with one period. */
  trendSlope: number | null;
}
