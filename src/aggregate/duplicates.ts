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

/** What becomes of the documents that do not count, by their numbers (`add` gives them). */
export interface Resolution {
  /** The copies folded into another document (the first-ranked copy of their id). */
  folded: Map<number, Folded>;
  /** Each repeat of an id, with the number of the copy of that id that is ranked first. */
  repeats: Map<number, number>;
}

/**
 * Finds syndicated copies as documents stream past: exact copies by the
 * hash of their words, near copies (a story republished with small edits)
 * by MinHash with LSH banding, verified against NEAR_DUPLICATE_JACCARD and
 * NEAR_DUPLICATE_DAYS.
 * Copies are grouped transitively; at the end each group keeps its earliest
 * document (then the smallest id), so the choice does not depend on input
 * order.
 *
 * An id read more than once is one document: its copies are grouped as copies
 * are, whatever their text, and the copy that counts for the id is the one
 * with the earliest date, then the smallest content hash (`Fingerprint.exact`,
 * the sha1 of the lower-cased words), then the smallest tie (the origin the
 * run read it at: copies equal in id, date and words differ at most in
 * punctuation, URL or source). The others are its repeats.
 */
export class DuplicateIndex {
  // Documents are numbered in arrival order and their state kept in typed arrays: on an archive of
  // millions of stories a Map of objects per document (and a list per band) would dominate memory.
  private readonly ids: string[] = [];
  /** Each document's content hash (one string per distinct text) and tie-breaker, to rank copies of one id. */
  private readonly hashes: string[] = [];
  private readonly ties: string[] = [];
  /** The first document read with each id: later copies of the id are grouped with it. */
  private readonly firstOfId = new Map<string, number>();
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

  /** Add a document; `tie` ranks copies equal in id, date and words (the run gives their origins). Returns its number. */
  add(id: string, date: string, print: Fingerprint, tie = ''): number {
    const doc = this.number(id, date);
    this.ties.push(tie);
    const first = this.firstOfId.get(id);
    if (first === undefined) this.firstOfId.set(id, doc);
    else this.union(first, doc);
    this.addText(doc, print);
    return doc;
  }

  private addText(doc: number, print: Fingerprint): void {
    const day = this.days[doc] as number;
    const same = this.exact.get(print.exact);
    this.hashes.push(same === undefined ? print.exact : (this.hashes[same] as string));
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

  /** Every folded document with the document kept in its place, sorted by id (repeats of an id are not listed). */
  folded(): Folded[] {
    return [...this.resolve().folded.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Rank of two documents (their numbers) in a group: earliest day, then smallest id, content hash and tie. */
  readonly compare = (a: number, b: number): number => {
    const { ids, days, hashes, ties } = this;
    const [ia, ib] = [ids[a] as string, ids[b] as string];
    if (days[a] !== days[b]) return (days[a] as number) - (days[b] as number);
    if (ia !== ib) return ia < ib ? -1 : 1;
    const [ha, hb] = [hashes[a] as string, hashes[b] as string];
    if (ha !== hb) return ha < hb ? -1 : 1;
    const [ta, tb] = [ties[a] as string, ties[b] as string];
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  };

  /**
   * Each group (connected component) keeps its first-ranked document; of its other documents, the first-ranked
   * copy of each id is folded into it, and every later copy of an id is a repeat of that id's first. A group
   * only grows as documents are added and keeps its first, so a document that does not count in part of a
   * corpus does not count in the whole: a merge never needs what a shard left out.
   */
  resolve(): Resolution {
    const groups = new Map<number, number[]>();
    for (let doc = 0; doc < this.ids.length; doc += 1) {
      const root = this.find(doc);
      const group = groups.get(root);
      if (group) group.push(doc);
      else groups.set(root, [doc]);
    }
    const { ids } = this;
    const folded = new Map<number, Folded>();
    const repeats = new Map<number, number>();
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      group.sort(this.compare);
      const kept = group[0] as number;
      const firstOf = new Map<string, number>();
      for (const doc of group) {
        const id = ids[doc] as string;
        const first = firstOf.get(id);
        if (first !== undefined) {
          repeats.set(doc, first);
          continue;
        }
        firstOf.set(id, doc);
        // The kind compares each copy with the kept document, so it does not depend on input order.
        if (doc !== kept) folded.set(doc, { id, keptId: ids[kept] as string, kind: this.exactGroup[doc] === this.exactGroup[kept] ? 'exact' : 'near' });
      }
    }
    return { folded, repeats };
  }
}
