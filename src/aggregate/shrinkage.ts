import { mean, sampleVariance } from 'simple-statistics';

/**
 * Empirical-Bayes shrinkage of period means toward the series' long-run
 * mean. With n_i articles in period i, period mean x̄_i, long-run mean μ
 * (over all articles), pooled within-period variance σ² and between-period
 * variance τ² = max(0, Var(x̄_i) − mean(σ²/n_i)) (method of moments):
 *
 *   B_i = (σ²/n_i) / (σ²/n_i + τ²),   shrunk_i = μ + (1 − B_i)(x̄_i − μ).
 *
 * A thin period (small n_i, large σ²/n_i) is pulled most; with τ² = 0 every
 * period is the long-run mean. Returns the shrunk mean of each period.
 *
 * @example
 * shrinkToLongRunMean([[0.5, 0.7], [-0.5, -0.3], [0.1]]); // pulls [0.1] hardest
 */
export function shrinkToLongRunMean(periods: readonly (readonly number[])[]): number[] {
  const all = periods.flat();
  const mu = mean(all);
  const means = periods.map((values) => mean([...values]));
  const degrees = all.length - periods.length;
  let within = 0;
  periods.forEach((values, i) => {
    for (const x of values) within += (x - (means[i] as number)) ** 2;
  });
  // With one article per period there is no within-period spread to pool; use the overall spread.
  const sigma2 = degrees > 0 ? within / degrees : all.length > 1 ? sampleVariance(all) : 0;
  const tau2 = periods.length > 1 ? Math.max(0, sampleVariance(means) - mean(periods.map((v) => sigma2 / v.length))) : 0;
  return means.map((m, i) => {
    const noise = sigma2 / (periods[i] as readonly number[]).length;
    const pull = noise + tau2 === 0 ? 0 : noise / (noise + tau2);
    return mu + (1 - pull) * (m - mu);
  });
}
