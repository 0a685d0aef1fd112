import type { Token } from '../types/sentence.js';
import { type TrieNode, longestFrom } from '../util/trie.js';
import type { Modifier, ModifierSet } from './modifiers.js';

/** A modifier cue found in a sentence: tokens [start, end). */
export interface Cue {
  modifier: Modifier;
  surface: string;
  start: number;
  end: number;
}

/** What the rules need to know about a sentence, computed once per sentence. */
export interface SentenceContext {
  text: string;
  tokens: Token[];
  /** Clause number of each token: commas, semicolons, colons, brackets and dashes end a clause. */
  clause: number[];
  cues: Cue[];
  /** Exclamation marks in the sentence, counted once for the emphasis rule. */
  exclamations: number;
}

/** Tokens of a lexicon match: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Characters that end a clause: , ; : ( ) ! ? . – — */
// Full-width ，；：（）！？。 too (Chinese); not the enumeration comma 、, which joins a list as "and" does.
const CLAUSE_BREAKS = new Set([0x2c, 0x3b, 0x3a, 0x28, 0x29, 0x21, 0x3f, 0x2e, 0x2013, 0x2014, 0xff0c, 0xff1b, 0xff1a, 0xff08, 0xff09, 0xff01, 0xff1f, 0x3002]);

/** True when the text between two tokens ends a clause; a single space (the usual gap) never does. */
function breaksClause(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 32) return false;
  // "1.1 million", "15,000 personnel": a point or comma inside a number.
  if (to - from === 1 && /^\d[.,]\d$/.test(text.slice(from - 1, to + 1))) return false;
  for (let i = from; i < to; i += 1) if (CLAUSE_BREAKS.has(text.charCodeAt(i))) return true;
  return false;
}

/** Trie node of the cue each token begins, if any (looked up with the lexicons' first words). */
export type CueStarts = readonly (TrieNode<Modifier> | undefined)[];

function findCues(text: string, tokens: Token[], lower: readonly string[], modifiers: ModifierSet, starts: CueStarts): Cue[] {
  const cues: Cue[] = [];
  const contraction = modifiers.trie.root.next.get("n't")?.value;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const key = lower[i] as string;
    // "don't", "won't", "isn't": the negation is a suffix of the word.
    if (contraction && key.charCodeAt(key.length - 1) === 116 && (key.endsWith("n't") || key.endsWith('n’t'))) {
      cues.push({ modifier: contraction, surface: token.text, start: i, end: i + 1 });
      continue;
    }
    const node = starts[i];
    if (!node) continue;
    const match = longestFrom(modifiers.trie, node, i, lower);
    if (match) {
      const last = tokens[match.end - 1] as Token;
      cues.push({ modifier: match.value, surface: text.slice(token.start, last.end), start: i, end: match.end });
      i = match.end - 1;
    }
  }
  return cues;
}

/**
 * Split a sentence's tokens into clauses and find its modifier cues; `lower`
 * holds the tokens' look-up forms and `cueStarts` the cue each may begin.
 */
export function sentenceContext(
  text: string,
  tokens: Token[],
  lower: readonly string[],
  modifiers: ModifierSet,
  cueStarts: CueStarts,
): SentenceContext {
  const clause: number[] = new Array<number>(tokens.length);
  let current = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    if (i > 0 && breaksClause(text, (tokens[i - 1] as Token).end, (tokens[i] as Token).start)) current += 1;
    clause[i] = current;
  }
  let exclamations = 0;
  for (let i = text.indexOf('!'); i >= 0; i = text.indexOf('!', i + 1)) exclamations += 1;
  return { text, tokens, clause, cues: findCues(text, tokens, lower, modifiers, cueStarts), exclamations };
}

/** Index of the first cue whose end is past `token` (cues are in sentence order and do not overlap, so their ends are too). */
function firstEndingAfter(cues: readonly Cue[], token: number): number {
  let low = 0;
  let high = cues.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cues[middle] as Cue).end <= token) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The cues, in sentence order, that end after token `from` and start by token `to`: the only ones a
 * rule reaching that window can use. Found by binary search, so a rule costs the window's cues, not a
 * pass over the sentence's (a 400 KB line made every match pass over thousands).
 */
export function* cuesWithin(ctx: SentenceContext, from: number, to: number): Generator<Cue> {
  for (let c = firstEndingAfter(ctx.cues, from); c < ctx.cues.length; c += 1) {
    const cue = ctx.cues[c] as Cue;
    if (cue.start > to) return;
    yield cue;
  }
}

/**
 * The nearest cue of a category before a match, within `scope` words and in
 * the same clause; null when there is none. The scope rules of negation,
 * hedging and framing.
 */
export function precedingCue(ctx: SentenceContext, span: Span, category: string, scope: number): Cue | null {
  // From the last cue ending by the match, back only while within scope: a long line's matches do
  // not each pass over all its cues.
  for (let c = firstEndingAfter(ctx.cues, span.start) - 1; c >= 0; c -= 1) {
    const cue = ctx.cues[c] as Cue;
    if (span.start - cue.end >= scope) return null;
    if (cue.modifier.category !== category) continue;
    return ctx.clause[cue.start] === ctx.clause[span.start] ? cue : null;
  }
  return null;
}
