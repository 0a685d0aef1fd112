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
