import type { EventEvidence, EvidenceItem } from '../types/evidence.js';

/**
 * An event's Goldstein severity (−10 … +10) is worth half as much on the
 * trust lexicon's scale (−5 … +5), which was written as half the Goldstein
 * scale: signing a treaty (+8) weighs like "all-weather friendship" (+4).
 */
export const GOLDSTEIN_TO_TRUST = 0.5;

/**
 * A sentence's evidence (trust-scale points) that makes a full ±1: one
 * military attack (−10 Goldstein, −5 points) alone is −1, a protest (−2) −0.2,
 * a statement 0. Measured against the saturating Σe / (Σ|e| + 2) in
 * `npm run eval` (see the issue notes): linear evidence keeps an invasion far
 * below a spat when a month averages many sentences.
 */
export const FULL_SCALE = 5;

/** Trust-scale points of each piece of evidence: attitude words as weighted, events at half their Goldstein weight. */
export function evidencePoints(attitude: readonly EvidenceItem[], events: readonly EventEvidence[]): number[] {
  return [...attitude.map((e) => e.effective), ...events.map((e) => e.effective * GOLDSTEIN_TO_TRUST)];
}

/**
 * Trust of a sentence for one pair, in [−1, 1]: the sum of its evidence over
 * FULL_SCALE, clamped, rounded to 4 decimals; 0 when nothing matched.
 *
 * @example
 * pairTrust([], [{ effective: -10, ... }]); // -1
 * pairTrust([{ effective: -3, ... }], []);  // -0.6 ("trust deficit")
 */
export function pairTrust(attitude: readonly EvidenceItem[], events: readonly EventEvidence[]): number {
  const sum = evidencePoints(attitude, events).reduce((a, b) => a + b, 0);
  return Math.round(Math.max(-1, Math.min(1, sum / FULL_SCALE)) * 10_000) / 10_000;
}

/**
 * What each piece of evidence adds to `pairTrust`, in its units: its points
 * over FULL_SCALE, scaled down together when the sum is clamped, so a
 * sentence's shares add up to its trust.
 */
export function evidenceShares(attitude: readonly EvidenceItem[], events: readonly EventEvidence[]): number[] {
  const points = evidencePoints(attitude, events);
  const sum = points.reduce((a, b) => a + b, 0);
  const clamp = Math.abs(sum) > FULL_SCALE ? FULL_SCALE / Math.abs(sum) : 1;
  return points.map((p) => (p / FULL_SCALE) * clamp);
}
