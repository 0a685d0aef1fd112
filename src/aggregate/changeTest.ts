import { permutationTest } from 'simple-statistics';

/** Permutations drawn per test: p-values are exact to about ±0.005 at p = 0.05. */
export const PERMUTATIONS = 10_000;
/**
 * A first, cheaper round of permutations: when it already gives p above
 * CLEARLY_NOT, more permutations cannot bring p near 0.05 (its standard error
 * at 1,000 draws is under 0.015), so the test stops there. This keeps a large
 * archive's thousands of period-to-period tests fast.
 */
export const FIRST_ROUND = 1_000;
export const CLEARLY_NOT = 0.2;

/**
 * The p-value of `draws` random permutations of which a share `share` were
 * at least as extreme as the data: (k + 1) / (n + 1), counting the observed
 * labelling as one of the permutations, so a permutation test never claims
 * p = 0 (the smallest it can show with n draws is 1 / (n + 1)).
 */
function permutationP(share: number, draws: number): number {
  return (Math.round(share * draws) + 1) / (draws + 1);
}

/**
 * Two-sided permutation test of a change in mean article score between two
 * periods (simple-statistics' permutationTest with a seeded random source, so
 * the same data give the same p), in two rounds: FIRST_ROUND permutations,
 * then PERMUTATIONS if the first round leaves p below CLEARLY_NOT; p is
 * (k + 1) / (n + 1) with k of n permutations as extreme, never 0. Null when
 * either period has fewer than two articles: a single article cannot show a
 * shift.
 *
 * @example
 * changePValue([0.4, 0.5, 0.6, 0.5, 0.45], [-0.4, -0.5, -0.3, -0.6, -0.5], seededRandom(1)); // about 0.008
 */
export function changePValue(before: readonly number[], after: readonly number[], random: () => number): number | null {
  if (before.length < 2 || after.length < 2) return null;
  const first = permutationP(permutationTest([...before], [...after], 'two_side', FIRST_ROUND, random), FIRST_ROUND);
  if (first > CLEARLY_NOT) return first;
  return permutationP(permutationTest([...before], [...after], 'two_side', PERMUTATIONS, random), PERMUTATIONS);
}
