import { sampleVariance } from 'simple-statistics';

/**
 * Empirical-Bayes shrinkage of period means toward the series' long-run
 * mean. With n_i articles in period i (N in all), period mean x̄_i, long-run
 * mean μ over all articles, pooled within-period variance σ², and the
 * between-period variance τ² estimated with each period weighted by its
 * articles (DerSimonian–Laird's moment estimator with weights n_i/σ²):
 *
 *   τ² = max(0, (Σ n_i (x̄_i − μ)² − (k − 1) σ²) / (N − Σ n_i² / N)),
 *   B_i = (σ²/n_i) / (σ²/n_i + τ²),   shrunk_i = μ + (1 − B_i)(x̄_i − μ).
 *
 * Weighting matters: the unweighted estimate Var(x̄_i) − mean(σ²/n_i) lets
 * one thin period's σ²/n swamp the differences between well-covered ones,
 * so a month of 3 articles beside months of 300 made τ² = 0 and every
 * period the long-run mean. A thin period (small n_i, large σ²/n_i) is
 * still pulled most; with τ² = 0 every period is the long-run mean.
 * Returns the shrunk mean of each period.
 *
 * @example
 * shrinkToLongRunMean([[0.5, 0.7], [-0.5, -0.3], [0.1]]); // pulls [0.1] hardest
 */
export function shrinkToLongRunMean(periods: readonly (readonly number[])[]): number[] {
  const sizes = periods.map((values) => values.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const means = periods.map((values) => values.reduce((a, b) => a + b, 0) / values.length);
  const mu = means.reduce((sum, m, i) => sum + m * (sizes[i] as number), 0) / total;
  let within = 0;
  periods.forEach((values, i) => {
    for (const x of values) within += (x - (means[i] as number)) ** 2;
  });
  const degrees = total - periods.length;
  // With one article per period there is no within-period spread to pool; use the overall spread.
  const sigma2 = degrees > 0 ? within / degrees : total > 1 ? sampleVariance(periods.flat()) : 0;
  const between = means.reduce((sum, m, i) => sum + (sizes[i] as number) * (m - mu) ** 2, 0);
  const spread = total - sizes.reduce((sum, n) => sum + n * n, 0) / total;
  const tau2 = spread > 0 ? Math.max(0, (between - (periods.length - 1) * sigma2) / spread) : 0;
  return means.map((m, i) => {
    const noise = sigma2 / (sizes[i] as number);
    const pull = noise + tau2 === 0 ? 0 : noise / (noise + tau2);
    return mu + (1 - pull) * (m - mu);
  });
}
