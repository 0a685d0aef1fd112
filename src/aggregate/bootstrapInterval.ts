import { mean, quantile, sampleWithReplacement } from 'simple-statistics';

/**
 * Percentile bootstrap interval of the mean: resample the values with
 * replacement `resamples` times, take each resample's mean, and return the
 * (1−level)/2 and (1+level)/2 quantiles of those means. Null for fewer than
 * two values, where no interval can be honest.
 *
 * @example
 * bootstrapInterval([0.1, 0.2, 0.3, 0.4], seededRandom(1)); // about [0.15, 0.35]
 */
export function bootstrapInterval(
  values: readonly number[],
  random: () => number,
  resamples = 2000,
  level = 0.95,
): [number, number] | null {
  if (values.length < 2) return null;
  const pool = [...values];
  const means: number[] = [];
  for (let i = 0; i < resamples; i += 1) means.push(mean(sampleWithReplacement(pool, pool.length, random)));
  const [low, high] = quantile(means, [(1 - level) / 2, (1 + level) / 2]);
  return [low as number, high as number];
}
