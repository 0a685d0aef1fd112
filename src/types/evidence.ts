/** What scoring makes of a sentence: its scores and the lexicon entries behind them. */

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

/** An event coded in a sentence: who did what to whom, how grave, and why. */
export interface EventEvidence {
  /** Alpha-2 codes: who acts and who is acted on (for a mutual event, the two sides in the order named). */
  source: string;
  target: string;
  /** Both sides act together ("signed an agreement"): the event counts in both directions. */
  mutual?: boolean;
  /** The pattern of `events.tsv` that matched, its CAMEO code, root category and trust dimension. */
  pattern: string;
  code: string;
  category: string;
  dimension: string;
  /** Goldstein severity in the lexicon, −10 … +10, and after the rules (negated, hedged, reversed, embedded). */
  severity: number;
  effective: number;
  /** The words as they stand in the sentence, and their character span. */
  surface: string;
  start: number;
  end: number;
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
  /** Events coded in the sentence between two of its countries, with their roles. */
  events: EventEvidence[];
}

/** A scored sentence about one country pair. */
export interface PairSentence {
  docId: string;
  date: string;
  /** Alpha-2 codes sorted and joined by `-`, e.g. `CN-PK`. */
  pair: string;
  sentenceIndex: number;
  text: string;
  /** The language the sentence was read in (ISO 639-1: en, zh, ru). */
  lang: string;
  trust: number;
  tone: number;
  /** The attitude words that count for this pair (all of the sentence's, unless its events assign them). */
  trustEvidence: EvidenceItem[];
  toneEvidence: EvidenceItem[];
  /** The sentence's events between this pair's two countries. */
  events?: EventEvidence[];
  /** `CN>PK` when the sentence makes plain who acts on whom; absent otherwise. */
  direction?: string;
  /** True when the sentence names fewer than two countries and is attributed to the article's principal pair. */
  inherited?: boolean;
  /** True when one of the pair's countries is named only through a proxy (Huawei, the Bundesbank, Texas). */
  proxy?: boolean;
  source?: string;
  url?: string;
}
