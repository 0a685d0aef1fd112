import type { EventEntry, EventLexicon, EventPattern } from './eventLexicon.js';

/** A pattern found in a sentence: tokens [start, end), gaps included; the head is token `start`. */
export interface EventMatch {
  entry: EventEntry;
  start: number;
  end: number;
  /** The head is a past participle after a form of "be" ("was seized"), or followed by "by" ("a tanker attacked by…"). */
  passive: boolean;
}

/** Forms of "be" that make a following participle passive. */
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** Whether a segment's words stand at `begin` (the pattern's last word in any of its forms). A loop, not a closure: this runs for every candidate. */
function fits(segment: readonly string[], begin: number, lastSegment: boolean, pattern: EventPattern, keys: readonly string[]): boolean {
  const last = segment.length - 1;
  for (let w = 0; w <= last; w += 1) {
    const key = keys[begin + w] as string;
    if (lastSegment && w === last ? !pattern.lastForms.has(key) : key !== segment[w]) return false;
  }
  return true;
}

/** Where a pattern's later segments end when they follow token `from`, or −1; gaps stay in the clause. */
function restEnd(pattern: EventPattern, from: number, keys: readonly string[], clause: readonly number[], maxGap: number): number {
  let position = from;
  const home = clause[from - 1];
  for (let s = 0; s < pattern.rest.length; s += 1) {
    const segment = pattern.rest[s] as readonly string[];
    const lastSegment = s === pattern.rest.length - 1;
    let matched = -1;
    for (let gap = 0; gap <= maxGap && matched < 0; gap += 1) {
      const begin = position + gap;
      const stop = begin + segment.length;
      if (stop > keys.length || clause[stop - 1] !== home) break;
      if (fits(segment, begin, lastSegment, pattern, keys)) matched = stop;
    }
    if (matched < 0) return -1;
    position = matched;
  }
  return position;
}

/** The patterns ending a first segment: those with nothing after it, and the others by the forms of their next word. */
interface Continuations {
  whole: EventPattern[];
  byNext: Map<string, EventPattern[]>;
}

const continuations = new WeakMap<readonly EventPattern[], Continuations>();

/**
 * The patterns of a trie node sorted by their next word, worked out once per node: a head such as
 * "reject" begins some eighty patterns, and only those whose next word stands within reach need trying.
 */
function continuationsOf(patterns: readonly EventPattern[]): Continuations {
  let known = continuations.get(patterns);
  if (known) return known;
  known = { whole: [], byNext: new Map() };
  for (const pattern of patterns) {
    const next = pattern.rest[0];
    if (!next) {
      known.whole.push(pattern);
      continue;
    }
    const forms = pattern.rest.length === 1 && next.length === 1 ? pattern.lastForms : [next[0] as string];
    for (const form of forms) known.byNext.set(form, [...(known.byNext.get(form) ?? []), pattern]);
  }
  continuations.set(patterns, known);
  return known;
}

type Best = { pattern: EventPattern; end: number } | null;

function better(best: Best, pattern: EventPattern, end: number): Best {
  return !best || pattern.words > best.pattern.words || (pattern.words === best.pattern.words && end < best.end) ? { pattern, end } : best;
}

/** The most specific pattern starting at token i: the most literal words, then the shortest span. */
function bestAt(i: number, keys: readonly string[], clause: readonly number[], lexicon: EventLexicon): Best {
  let node = lexicon.trie.root.next.get(keys[i] as string);
  let best: Best = null;
  for (let j = i + 1; node; j += 1) {
    if (node.value) {
      const { whole, byNext } = continuationsOf(node.value);
      for (const pattern of whole) best = better(best, pattern, j);
      for (let at = j; at <= j + lexicon.maxGap && at < keys.length && clause[at] === clause[i]; at += 1) {
        for (const pattern of byNext.get(keys[at] as string) ?? []) {
          const end = restEnd(pattern, j, keys, clause, lexicon.maxGap);
          if (end >= 0) best = better(best, pattern, end);
        }
      }
    }
    if (j >= keys.length || clause[j] !== clause[i]) break;
    node = node.next.get(keys[j] as string);
  }
  return best;
}

/**
 * The events of a sentence, left to right, none overlapping: at each word the
 * most specific pattern that starts there. `keys` are the words' look-up forms
 * and `clause` the clause number of each (a gap never crosses a clause); `names`
 * the positions of words inside country names and other proper names, which head no event.
 *
 * @example
 * // keys of "Russia recalled its ambassador from Kyiv" → [{ entry: recall * ambassador (161), start: 1, end: 4 }]
 */
export function findEvents(
  keys: readonly string[],
  clause: readonly number[],
  lexicon: EventLexicon,
  names: ReadonlySet<number> = new Set(),
): EventMatch[] {
  const found: EventMatch[] = [];
  for (let i = 0; i < keys.length; ) {
    // A word of a country's name heads no event: "United" in "the United States would retaliate" is not "unite".
    const best = !names.has(i) && lexicon.trie.root.next.has(keys[i] as string) ? bestAt(i, keys, clause, lexicon) : null;
    if (!best) {
      i += 1;
      continue;
    }
    const head = keys[i] as string;
    const participle = lexicon.participles.has(head);
    const afterBe = BE.has(keys[i - 1] as string) || (BE.has(keys[i - 2] as string) && (keys[i - 1] as string).endsWith('ly'));
    const passive = participle && (afterBe || keys[best.end] === 'by');
    found.push({ entry: best.pattern.entry, start: i, end: best.end, passive });
    i = best.end;
  }
  return found;
}
