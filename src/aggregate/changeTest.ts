import { permutationTest } from 'simple-statistics';

/** Permutations drawn per test: p-values are exact to about ±0.005 at p = 0.05. */
export const PERMUTATIONS = 10_000;

/**
 * Two-sided permutation test of a change in mean article score between two
 * periods (simple-statistics' permutationTest with a seeded random source, so
 * the same data give the same p). Null when either period has fewer than two
 * articles: a single article cannot show a shift.
 *
 * @example
 * changePValue([0.4, 0.5, 0.6, 0.5, 0.45], [-0.4, -0.5, -0.3, -0.6, -0.5], seededRandom(1)); // about 0.008
 */
export function changePValue(before: readonly number[], after: readonly number[], random: () => number): number | null {
  if (before.length < 2 || after.length < 2) return null;
  return permutationTest([...before], [...after], 'two_side', PERMUTATIONS, random);
}
