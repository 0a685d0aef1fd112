import type { Token } from '../types.js';
import { longestMatch } from '../trie.js';
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

const CLAUSE_BREAK = /[,;:()!?.–—]/;

/** True when the text between two tokens ends a clause; a single space (the usual gap) never does. */
function breaksClause(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 32) return false;
  return CLAUSE_BREAK.test(text.slice(from, to));
}

function findCues(text: string, tokens: Token[], lower: readonly string[], modifiers: ModifierSet): Cue[] {
  const cues: Cue[] = [];
  const first = modifiers.trie.root.next;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    // "don't", "won't", "isn't": the negation is a suffix of the word.
    const contracted = token.lower.endsWith("n't") || token.lower.endsWith('n’t') ? first.get("n't")?.value : undefined;
    if (contracted) {
      cues.push({ modifier: contracted, surface: token.text, start: i, end: i + 1 });
      continue;
    }
    if (!first.has(token.lower)) continue;
    const match = longestMatch(modifiers.trie, i, lower);
    if (match) {
      const last = tokens[match.end - 1] as Token;
      cues.push({ modifier: match.value, surface: text.slice(token.start, last.end), start: i, end: match.end });
      i = match.end - 1;
    }
  }
  return cues;
}

/** Split a sentence's tokens into clauses and find its modifier cues; `lower` holds the tokens' look-up forms. */
export function sentenceContext(
  text: string,
  tokens: Token[],
  lower: readonly string[],
  modifiers: ModifierSet,
): SentenceContext {
  const clause: number[] = [];
  let current = 0;
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous && breaksClause(text, previous.end, token.start)) current += 1;
    clause.push(current);
  });
  let exclamations = 0;
  for (let i = text.indexOf('!'); i >= 0; i = text.indexOf('!', i + 1)) exclamations += 1;
  return { text, tokens, clause, cues: findCues(text, tokens, lower, modifiers), exclamations };
}

/**
 * The nearest cue of a category before a match, within `scope` words and in
 * the same clause; null when there is none. The scope rules of negation,
 * hedging and framing.
 */
export function precedingCue(ctx: SentenceContext, span: Span, category: string, scope: number): Cue | null {
  for (let c = ctx.cues.length - 1; c >= 0; c -= 1) {
    const cue = ctx.cues[c] as Cue;
    if (cue.modifier.category !== category || cue.end > span.start) continue;
    if (span.start - cue.end >= scope || ctx.clause[cue.start] !== ctx.clause[span.start]) return null;
    return cue;
  }
  return null;
}
