import type { Cue, SentenceContext, Span } from '../context.js';
import type { RuleEffect } from './effect.js';

/** A sentence's contrast cues, indexed once so each match is looked up without a pass over them all. */
interface ContrastCues {
  /** The first "although"-type cue of each clause, by clause number. */
  firstInClause: Map<number, Cue>;
  /** The "but"-type cues, in sentence order. */
  before: Cue[];
}

const indexed = new WeakMap<SentenceContext, ContrastCues>();

/** One pass over the cues per sentence; before it, each match scanned them all (a 400 KB line took 12 s). */
function contrastCues(ctx: SentenceContext): ContrastCues {
  let found = indexed.get(ctx);
  if (found) return found;
  found = { firstInClause: new Map(), before: [] };
  for (const cue of ctx.cues) {
    if (cue.modifier.category === 'contrast-before') found.before.push(cue);
    const clause = ctx.clause[cue.start] as number;
    if (cue.modifier.category === 'contrast-clause' && !found.firstInClause.has(clause)) found.firstInClause.set(clause, cue);
  }
  indexed.set(ctx, found);
  return found;
}

/** The first cue of `cues` (in sentence order) that starts at or after `token`, by binary search. */
function firstFrom(cues: readonly Cue[], token: number): Cue | undefined {
  let low = 0;
  let high = cues.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cues[middle] as Cue).start < token) low = middle + 1;
    else high = middle;
  }
  return cues[low];
}

/**
 * Contrast: the main clause weighs more. A match before "but", "however" or
 * "yet" is discounted; so is a match inside a clause opened by "although",
 * "though", "despite" or "while". An "although" before the match in its
 * clause wins over a "but" after it (the first cue in the sentence).
 *
 * @example
 * // "Trade grew, but distrust deepened": grew is discounted ×0.5.
 */
export function contrast(ctx: SentenceContext, span: Span): RuleEffect | null {
  const { firstInClause, before } = contrastCues(ctx);
  // Cues are in sentence order and do not overlap: the clause's first cue ends first.
  const opener = firstInClause.get(ctx.clause[span.start] as number);
  const cue = opener !== undefined && opener.end <= span.start ? opener : firstFrom(before, span.end);
  return cue ? { rule: 'contrast-discounted', factor: cue.modifier.factor, cue: cue.surface } : null;
}
