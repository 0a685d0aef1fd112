import { type EventEntry, type EventLexicon, type EventPattern, MAX_GAP } from './eventLexicon.js';

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

/** Where a pattern's later segments end when they follow token `from`, or −1; gaps stay in the clause. */
function restEnd(pattern: EventPattern, from: number, keys: readonly string[], clause: readonly number[]): number {
  let position = from;
  const home = clause[from - 1];
  for (let s = 0; s < pattern.rest.length; s += 1) {
    const segment = pattern.rest[s] as readonly string[];
    const lastSegment = s === pattern.rest.length - 1;
    let matched = -1;
    for (let gap = 0; gap <= MAX_GAP && matched < 0; gap += 1) {
      const begin = position + gap;
      const stop = begin + segment.length;
      if (stop > keys.length || clause[stop - 1] !== home) break;
      const fits = segment.every((word, w) => {
        const key = keys[begin + w] as string;
        return lastSegment && w === segment.length - 1 ? pattern.lastForms.has(key) : key === word;
      });
      if (fits) matched = stop;
    }
    if (matched < 0) return -1;
    position = matched;
  }
  return position;
}

/** The most specific pattern starting at token i: the most literal words, then the shortest span. */
function bestAt(i: number, keys: readonly string[], clause: readonly number[], lexicon: EventLexicon): { pattern: EventPattern; end: number } | null {
  let node = lexicon.trie.root.next.get(keys[i] as string);
  let best: { pattern: EventPattern; end: number } | null = null;
  for (let j = i + 1; node; j += 1) {
    for (const pattern of node.value ?? []) {
      const end = pattern.rest.length === 0 ? j : restEnd(pattern, j, keys, clause);
      if (end < 0) continue;
      if (!best || pattern.words > best.pattern.words || (pattern.words === best.pattern.words && end < best.end)) best = { pattern, end };
    }
    if (j >= keys.length || clause[j] !== clause[i]) break;
    node = node.next.get(keys[j] as string);
  }
  return best;
}

/**
 * The events of a sentence, left to right, none overlapping: at each word the
 * most specific pattern that starts there. `keys` are the words' look-up forms
 * and `clause` the clause number of each (a gap never crosses a clause).
 *
 * @example
 * // keys of "Russia recalled its ambassador from Kyiv" → [{ entry: recall * ambassador (161), start: 1, end: 4 }]
 */
export function findEvents(keys: readonly string[], clause: readonly number[], lexicon: EventLexicon): EventMatch[] {
  const found: EventMatch[] = [];
  for (let i = 0; i < keys.length; ) {
    const best = lexicon.trie.root.next.has(keys[i] as string) ? bestAt(i, keys, clause, lexicon) : null;
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
