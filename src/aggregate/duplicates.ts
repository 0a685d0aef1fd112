import type { Fingerprint } from '../types/fingerprint.js';
import { MINHASHES, estimatedJaccard } from '../text/fingerprint.js';
import { BandTable } from './bandTable.js';

/** Estimated Jaccard similarity of 3-word shingles above which two stories are copies of one. */
export const NEAR_DUPLICATE_JACCARD = 0.6;
/**
 * Near copies must be published within this many days of each other:
 * syndication happens within days, while templated reports (weekly grain
 * shipments) repeat their wording week after week and are different news.
 */
export const NEAR_DUPLICATE_DAYS = 3;
/** LSH banding of the MinHash signature: 16 bands of 4 rows find pairs above ~0.5 with high probability. */
const BANDS = 16;
const ROWS = MINHASHES / BANDS;

/**
 * A 30-bit hash of one band of a signature, salted with the band number. 30
 * bits keep it a small integer, which a Map stores without boxing; collisions
 * only add candidates, which are verified.
 */
function bandKey(band: number, signature: Uint32Array): number {
  let hash = Math.imul(band + 1, 0x9e3779b1) >>> 0;
  for (let row = band * ROWS; row < (band + 1) * ROWS; row += 1) hash = Math.imul(hash ^ (signature[row] as number), 0x01000193) >>> 0;
  return hash >>> 2;
}

function bandKeys(signature: Uint32Array): number[] {
  return Array.from({ length: BANDS }, (_, band) => bandKey(band, signature));
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** A typed array twice as long, holding the old one's values. */
function grown<T extends Int32Array | Uint32Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** How a document was folded into another. */
export interface Folded {
  id: string;
  keptId: string;
  kind: 'exact' | 'near';
}

/**
 * Finds syndicated copies as documents stream past: exact copies by the
 * hash of their words, near copies (a story republished with small edits)
 * by MinHash with LSH banding, verified against NEAR_DUPLICATE_JACCARD and
 * NEAR_DUPLICATE_DAYS.
 * Copies are grouped transitively; at the end each group keeps its earliest
 * document (then the smallest id), so the choice does not depend on input
 * order.
 */
export class DuplicateIndex {
  // Documents are numbered in arrival order and their state kept in typed arrays: on an archive of
  // millions of stories a Map of objects per document (and a list per band) would dominate memory.
  private readonly ids: string[] = [];
  private days = new Int32Array(1024);
  private parent = new Int32Array(1024);
  /** Number of the first document read with the same words: equal for exact copies. */
  private exactGroup = new Int32Array(1024);
  /** Where a document's MinHash signature starts in `signatures`, −1 for short texts. */
  private signatureAt = new Int32Array(1024);
  // Signatures are numbered too: only the first of a set of exact copies has one, so the band chains
  // below take room per distinct story, not per document.
  private signatures = new Uint32Array(1024 * MINHASHES);
  private signatureCount = 0;
  /** The document of each signature. */
  private signatureDoc = new Int32Array(1024);
  private readonly exact = new Map<string, number>();
  /**
   * Days on which an exact group's copies appeared, for the few groups whose copies carry more than one date
   * (the first document's day alone otherwise): a near copy may be within NEAR_DUPLICATE_DAYS of any of them,
   * whichever copy arrived first.
   */
  private readonly groupDays = new Map<number, number[]>();
  /** The last signature read with each band key; earlier ones are chained through `previousInBand`. */
  private readonly bands = new BandTable();
  /** For signature g and band b, at g·BANDS + b: the signature before it with the same key, −1 for none. */
  private previousInBand = new Int32Array(1024 * BANDS);

  private find(doc: number): number {
    let root = doc;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    this.parent[doc] = root;
    return root;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }

  private signature(doc: number): Uint32Array {
    const at = this.signatureAt[doc] as number;
    return this.signatures.subarray(at, at + MINHASHES);
  }

  private number(id: string, date: string): number {
    const doc = this.ids.length;
    if (doc === this.parent.length) {
      this.days = grown(this.days);
      this.parent = grown(this.parent);
      this.exactGroup = grown(this.exactGroup);
      this.signatureAt = grown(this.signatureAt);
    }
    this.ids.push(id);
    this.days[doc] = dayNumber(date);
    this.parent[doc] = doc;
    this.signatureAt[doc] = -1;
    return doc;
  }

  /** The days of the exact group whose first document is `first`. */
  private daysOf(first: number): readonly number[] {
    return this.groupDays.get(first) ?? [this.days[first] as number];
  }

  /**
   * Union `doc` with every earlier document whose signature shares a band with `minhash`, is similar enough and
   * has a copy within NEAR_DUPLICATE_DAYS of `day`. Candidates are symmetric, so every near pair is found by
   * whichever of its two documents comes second: the groups are the connected components, whatever the order.
   */
  private unionNear(doc: number, day: number, minhash: Uint32Array, keys: readonly number[]): void {
    const candidates = new Set<number>();
    keys.forEach((key, band) => {
      for (let other = this.bands.get(key); other !== -1; other = this.previousInBand[other * BANDS + band] as number) {
        candidates.add(this.signatureDoc[other] as number);
      }
    });
    for (const other of candidates) {
      if (this.find(other) === this.find(doc)) continue;
      if (!this.daysOf(other).some((d) => Math.abs(d - day) <= NEAR_DUPLICATE_DAYS)) continue;
      if (estimatedJaccard(minhash, this.signature(other)) >= NEAR_DUPLICATE_JACCARD) this.union(other, doc);
    }
  }

  add(id: string, date: string, print: Fingerprint): void {
    const doc = this.number(id, date);
    const day = this.days[doc] as number;
    const same = this.exact.get(print.exact);
    if (same !== undefined) {
      this.exactGroup[doc] = same;
      this.union(same, doc);
      const days = this.daysOf(same);
      // A copy on a new day can be near documents its group's other days were too far from.
      if (days.includes(day)) return;
      this.groupDays.set(same, [...days, day]);
      if (this.signatureAt[same] !== -1) {
        const minhash = this.signature(same);
        this.unionNear(doc, day, minhash, bandKeys(minhash));
      }
      return;
    }
    this.exact.set(print.exact, doc);
    this.exactGroup[doc] = doc;
    if (print.minhash.length === 0) return;
    const keys = bandKeys(print.minhash);
    this.unionNear(doc, day, print.minhash, keys);
    const signature = this.signatureCount / MINHASHES;
    if (signature === this.signatureDoc.length) {
      this.signatures = grown(this.signatures);
      this.signatureDoc = grown(this.signatureDoc);
      this.previousInBand = grown(this.previousInBand);
    }
    this.signatures.set(print.minhash, this.signatureCount);
    this.signatureAt[doc] = this.signatureCount;
    this.signatureDoc[signature] = doc;
    this.signatureCount += MINHASHES;
    keys.forEach((key, band) => {
      this.previousInBand[signature * BANDS + band] = this.bands.get(key);
      this.bands.set(key, signature);
    });
  }

  /** Every folded document with the document kept in its place, sorted by id. */
  folded(): Folded[] {
    const groups = new Map<number, number[]>();
    for (let doc = 0; doc < this.ids.length; doc += 1) {
      const root = this.find(doc);
      const group = groups.get(root);
      if (group) group.push(doc);
      else groups.set(root, [doc]);
    }
    const { ids, days } = this;
    const result: Folded[] = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      group.sort((a, b) => (days[a] as number) - (days[b] as number) || ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
      const kept = group[0] as number;
      // The kind compares each copy with the kept document, so it does not depend on input order.
      for (const doc of group.slice(1)) {
        result.push({ id: ids[doc] as string, keptId: ids[kept] as string, kind: this.exactGroup[doc] === this.exactGroup[kept] ? 'exact' : 'near' });
      }
    }
    return result.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}
