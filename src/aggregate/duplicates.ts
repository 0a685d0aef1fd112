import { type Fingerprint, MINHASHES, estimatedJaccard } from '../text/fingerprint.js';

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

interface Member {
  id: string;
  date: string;
  exact: string;
}

/** A 32-bit hash of one band of a signature, salted with the band number; collisions only add candidates, which are verified. */
function bandKey(band: number, rows: Uint32Array): number {
  let hash = Math.imul(band + 1, 0x9e3779b1) >>> 0;
  for (const value of rows) hash = Math.imul(hash ^ value, 0x01000193) >>> 0;
  return hash;
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
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
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, Member>();
  private readonly exact = new Map<string, string>();
  /** Documents by band hash: a number per band rather than a string keeps memory small on big archives. */
  private readonly bands = new Map<number, string[]>();
  private readonly signatures = new Map<string, Uint32Array>();

  private find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root) as string;
    this.parent.set(id, root);
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }

  add(id: string, date: string, print: Fingerprint): void {
    this.parent.set(id, id);
    this.members.set(id, { id, date, exact: print.exact });
    const same = this.exact.get(print.exact);
    if (same !== undefined) {
      this.union(same, id);
      return;
    }
    this.exact.set(print.exact, id);
    if (print.minhash.length === 0) return;
    const candidates = new Set<string>();
    const keys: number[] = [];
    for (let band = 0; band < BANDS; band += 1) {
      const key = bandKey(band, print.minhash.subarray(band * ROWS, (band + 1) * ROWS));
      keys.push(key);
      for (const other of this.bands.get(key) ?? []) candidates.add(other);
    }
    for (const other of [...candidates].sort()) {
      if (daysApart(date, (this.members.get(other) as Member).date) > NEAR_DUPLICATE_DAYS) continue;
      if (estimatedJaccard(print.minhash, this.signatures.get(other) as Uint32Array) >= NEAR_DUPLICATE_JACCARD) {
        this.union(other, id);
      }
    }
    this.signatures.set(id, print.minhash);
    for (const key of keys) {
      const list = this.bands.get(key);
      if (list) list.push(id);
      else this.bands.set(key, [id]);
    }
  }

  /** Every folded document with the document kept in its place, sorted by id. */
  folded(): Folded[] {
    const groups = new Map<string, Member[]>();
    for (const member of this.members.values()) {
      const root = this.find(member.id);
      const group = groups.get(root);
      if (group) group.push(member);
      else groups.set(root, [member]);
    }
    const result: Folded[] = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      group.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const kept = group[0] as Member;
      // The kind compares each copy with the kept document, so it does not depend on input order.
      for (const member of group.slice(1)) {
        result.push({ id: member.id, keptId: kept.id, kind: member.exact === kept.exact ? 'exact' : 'near' });
      }
    }
    return result.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}
