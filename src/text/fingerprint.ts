import { createHash } from 'node:crypto';
import type { Fingerprint } from '../types/fingerprint.js';
import { lowerWords } from './words.js';

/** Words per shingle: three-word phrases survive light edits but are rare across different stories. */
export const SHINGLE_WORDS = 3;
/** MinHash values per document. */
export const MINHASHES = 64;
/** Stories shorter than this many shingles are matched exactly only: MinHash is unstable on them. */
export const MIN_SHINGLES = 12;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;
/** The sign bit: xor with it maps unsigned 32-bit order onto signed order. */
const SIGN = 0x80000000;

/** FNV-1a (32 bits) of a shingle's words joined by single spaces, without building the joined string. */
export function shingleHash(words: readonly string[], from: number): number {
  let hash = FNV_OFFSET;
  for (let w = from; w < from + SHINGLE_WORDS; w += 1) {
    if (w > from) hash = Math.imul(hash ^ SPACE, FNV_PRIME);
    const word = words[w] as string;
    for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  }
  return hash >>> 0;
}

/** murmur3's 32-bit finaliser: a well-mixed second hash from the first. */
function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Fingerprint a document's title and text for duplicate detection.
 *
 * @example
 * fingerprint('China and Pakistan met.').exact === fingerprint('china AND pakistan  met').exact; // true
 */
export function fingerprint(text: string): Fingerprint {
  const words = lowerWords(text);
  const exact = createHash('sha1').update(words.join(' ')).digest('hex');
  // Shingle hashes sorted in a typed array: equal ones sit together and are hashed once (a Set cost a third more).
  const shingles = new Uint32Array(Math.max(0, words.length - SHINGLE_WORDS + 1));
  for (let i = 0; i < shingles.length; i += 1) shingles[i] = shingleHash(words, i);
  shingles.sort();
  let distinct = 0;
  for (let i = 0; i < shingles.length; i += 1) if (i === 0 || shingles[i] !== shingles[i - 1]) distinct += 1;
  if (distinct < MIN_SHINGLES) return { exact, minhash: new Uint32Array(0) };
  // Slot i holds the least h1 + i·h2 (mod 2^32) over the shingles (Kirsch–Mitzenmacher: 64 hash
  // functions for the price of two). The values are kept biased by 2^31 in an Int32Array, so the loop
  // adds and compares int32s (signed order of biased values is unsigned order of the values), four
  // slots a step: a third faster than unsigned arithmetic, and the same signatures (pinned by a test).
  const biased = new Int32Array(MINHASHES).fill(0x7fffffff);
  for (let i = 0; i < shingles.length; i += 1) {
    const h1 = shingles[i] as number;
    if (i > 0 && h1 === shingles[i - 1]) continue;
    const h2 = mix(h1) | 1;
    let h = h1 ^ SIGN;
    for (let slot = 0; slot < MINHASHES; slot += 4) {
      if (h < (biased[slot] as number)) biased[slot] = h;
      const next = (h + h2) | 0;
      if (next < (biased[slot + 1] as number)) biased[slot + 1] = next;
      const second = (h + 2 * h2) | 0;
      if (second < (biased[slot + 2] as number)) biased[slot + 2] = second;
      const third = (h + 3 * h2) | 0;
      if (third < (biased[slot + 3] as number)) biased[slot + 3] = third;
      h = (h + 4 * h2) | 0;
    }
  }
  const minhash = new Uint32Array(MINHASHES);
  for (let slot = 0; slot < MINHASHES; slot += 1) minhash[slot] = ((biased[slot] as number) ^ SIGN) >>> 0;
  return { exact, minhash };
}

/** Share of equal MinHash slots: an estimate of the Jaccard similarity of the shingle sets. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) equal += 1;
  return equal / a.length;
}

/** A MinHash signature as text: little-endian uint32s in base64, the same on every machine. */
export function encodeMinhash(minhash: Uint32Array): string {
  const bytes = Buffer.alloc(minhash.length * 4);
  for (let i = 0; i < minhash.length; i += 1) bytes.writeUInt32LE(minhash[i] as number, i * 4);
  return bytes.toString('base64');
}

/** The signature `encodeMinhash` wrote. */
export function decodeMinhash(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const minhash = new Uint32Array(bytes.byteLength / 4);
  for (let i = 0; i < minhash.length; i += 1) minhash[i] = bytes.readUInt32LE(i * 4);
  return minhash;
}
