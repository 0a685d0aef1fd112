/**
 * The share of a period's mean article score that its index shows: n / (n + n̄), with n the period's
 * articles and n̄ the series' typical coverage (its mean articles per period that has any). The index is
 * then Σ scores / (n + n̄): the period's net evidence against a prior of n̄ neutral articles.
 *
 * Why: a plain mean reads a month of invasion (many articles, mixing attacks with ceasefire talks and
 * aid) no lower than a month of two sharp statements, and a pair in chronic conflict (months of few, very
 * negative articles) seems to improve when a war brings coverage of every kind. Weighting by coverage lets
 * the volume of what happened speak — as event data's monthly Goldstein sums do — while the index stays on
 * the −100…+100 scale of a mean: a month of typical coverage shows half its mean, a month of ten times the
 * usual coverage 91% of it, and a thin month stays near neutral. `npm run eval` compares it with the
 * plain mean and the monthly sum on the episode tables (README, "How evidence reaches the index").
 *
 * @example
 * coverageWeight(3, 3); // 0.5
 * coverageWeight(30, 3); // 0.909…
 */
export function coverageWeight(articles: number, typical: number): number {
  return articles / (articles + typical);
}

/**
 * A series' typical coverage: the mean number of articles of its periods that have any.
 *
 * @example
 * typicalCoverage([1, 2, 9]); // 4
 */
export function typicalCoverage(articlesPerPeriod: readonly number[]): number {
  return articlesPerPeriod.reduce((a, b) => a + b, 0) / articlesPerPeriod.length;
}
