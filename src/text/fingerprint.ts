import { createHash } from 'node:crypto';
import { tokenizeWords } from './words.js';

/** Words per shingle: three-word phrases survive light edits but are rare across different stories. */
export const SHINGLE_WORDS = 3;
/** MinHash values per document. */
export const MINHASHES = 64;
/** Stories shorter than this many shingles are matched exactly only: MinHash is unstable on them. */
export const MIN_SHINGLES = 12;

/** What duplicate detection needs of a document. */
export interface Fingerprint {
  /** sha1 of the lower-cased words: equal for exact copies, whatever the spacing and punctuation. */
  exact: string;
  /** MinHash signature of the word 3-shingles; empty for short texts. */
  minhash: Uint32Array;
}

/** FNV-1a, 32 bits. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
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
  const words = tokenizeWords(text).map((t) => t.lower);
  const exact = createHash('sha1').update(words.join(' ')).digest('hex');
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i += 1) shingles.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  if (shingles.size < MIN_SHINGLES) return { exact, minhash: new Uint32Array(0) };
  const minhash = new Uint32Array(MINHASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    // Slot i hashes with h1 + i·h2 (Kirsch–Mitzenmacher): 64 hash functions for the price of two.
    const h1 = shingle;
    const h2 = mix(shingle) | 1;
    for (let slot = 0; slot < MINHASHES; slot += 1) {
      const h = (h1 + Math.imul(slot, h2)) >>> 0;
      if (h < (minhash[slot] as number)) minhash[slot] = h;
    }
  }
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
