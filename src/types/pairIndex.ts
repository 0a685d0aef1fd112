/** What aggregation makes of the scored sentences: article scores and the index per pair and period. */

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
  /**
   * Trust on the −100..+100 scale; 0 is neutral: 100 × trust × coverageWeight, the period's summed article
   * scores over its articles plus the series' typical articles per period.
   */
  index: number;
  /** articles / (articles + the series' mean articles per period with any): the share of the mean trust the index shows. */
  coverageWeight: number;
  /** 95% Student t interval of `index` (of the mean, times the weight); null with fewer than two articles or when they all score the same. */
  ciLow: number | null;
  ciHigh: number | null;
  /** Fewer articles than the coverage threshold. */
  lowCoverage: boolean;
  /** The mean trust shrunk toward the pair's long-run mean (empirical Bayes), times the weight, ×100. */
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
