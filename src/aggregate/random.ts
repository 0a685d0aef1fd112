import { createHash } from 'node:crypto';

/**
 * A seeded pseudo-random source (mulberry32) for the permutation tests, so the
 * same data and seed always give the same p-value. simple-statistics takes the
 * source as an argument but ships none that can be seeded.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed from a run seed and a label such as `CN-PK 2024-11`, so each
 * cell's interval depends on its own data only, not on the order cells are
 * computed in.
 */
export function cellSeed(seed: number, label: string): number {
  return createHash('sha256').update(`${seed}:${label}`).digest().readUInt32LE(0);
}
