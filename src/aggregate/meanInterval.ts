import { mean, sampleStandardDeviation } from 'simple-statistics';

/**
 * P(|T| < t) for Student's t with `df` (a whole number ≥ 1) degrees of
 * freedom, by the finite series of Abramowitz & Stegun 26.7.3–4, in
 * θ = atan(t / √df). simple-statistics has the t statistic but not its
 * distribution.
 */
export function studentTCentral(t: number, df: number): number {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const cos2 = Math.cos(theta) ** 2;
  let sum = 1;
  let term = 1;
  if (df % 2 === 1) {
    // (2/π)[θ + sinθ cosθ (1 + (2/3)cos²θ + … + (2·4···(df−3))/(1·3···(df−2)) cos^(df−3)θ)]
    for (let k = 2; k <= df - 3; k += 2) {
      term *= (k / (k + 1)) * cos2;
      sum += term;
    }
    return (2 / Math.PI) * (theta + (df > 1 ? Math.sin(theta) * Math.cos(theta) * sum : 0));
  }
  // sinθ (1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3···(df−3))/(2·4···(df−2)) cos^(df−2)θ)
  for (let k = 1; k <= df - 3; k += 2) {
    term *= (k / (k + 1)) * cos2;
    sum += term;
  }
  return Math.sin(theta) * sum;
}

/** The t with P(|T| < t) = `level`, by bisection (the central probability rises with t). */
export function studentTQuantile(level: number, df: number): number {
  let low = 0;
  let high = 1;
  while (studentTCentral(high, df) < level) high *= 2;
  for (let i = 0; i < 100; i += 1) {
    const middle = (low + high) / 2;
    if (studentTCentral(middle, df) < level) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * Student's t interval of the mean, x̄ ± t(level, n − 1) · s / √n, kept
 * within the scale's [−1, 1]. It is honest at small n where a percentile
 * bootstrap is not: from two articles the bootstrap can only return the
 * range of the two values (it covered the true mean about half the time),
 * while t with one degree of freedom is 12.7 standard errors wide. Null for
 * fewer than two values, and when every value is the same: with no spread
 * there is nothing to estimate the error from.
 *
 * @example
 * meanInterval([-0.433, -0.422]); // about [-0.497, -0.358]
 */
export function meanInterval(values: readonly number[], level = 0.95): [number, number] | null {
  // Compared as values: the computed spread of equal values can be a rounding error above 0.
  if (values.length < 2 || values.every((v) => v === values[0])) return null;
  const spread = sampleStandardDeviation([...values]);
  const centre = mean([...values]);
  const half = studentTQuantile(level, values.length - 1) * (spread / Math.sqrt(values.length));
  return [Math.max(-1, centre - half), Math.min(1, centre + half)];
}
