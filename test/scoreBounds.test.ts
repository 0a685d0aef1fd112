import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/aggregate/random.js';
import { type Cue, type SentenceContext, type Span, precedingCue } from '../src/score/context.js';
import { contrast } from '../src/score/rules/contrast.js';
import { intensity } from '../src/score/rules/intensity.js';
import { reversal } from '../src/score/rules/reversal.js';

const CATEGORIES = ['contrast-before', 'contrast-clause', 'negator', 'hedge', 'booster', 'dampener', 'reversal'];

/** A long line's context: one-token cues (each surface unique) at random places in sentence order, clauses of a few tokens. */
function longLine(tokens: number, seed: number): SentenceContext {
  const random = seededRandom(seed);
  const cues: Cue[] = [];
  for (let i = 0; i < tokens; i += 1) {
    if (random() < 0.3) {
      const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)] as string;
      cues.push({ modifier: { term: category, factor: 0.5, category }, surface: `${category}@${i}`, start: i, end: i + 1 });
    }
  }
  const clause = Array.from({ length: tokens }, (_, i) => Math.floor(i / 7));
  return { text: '', tokens: [], clause, cues, exclamations: 0 };
}

/** The cue array with a count of the elements read from it. */
function counted(ctx: SentenceContext): { ctx: SentenceContext; reads: () => number } {
  let reads = 0;
  const cues = new Proxy(ctx.cues, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver);
    },
  });
  return { ctx: { ...ctx, cues }, reads: () => reads };
}

/** The contrast rule as it was, one pass over the cues per match: the answer the indexed rule must give. */
function contrastByScan(ctx: SentenceContext, span: Span): Cue | null {
  for (const cue of ctx.cues) {
    if (cue.modifier.category === 'contrast-before' && cue.start >= span.end) return cue;
    if (cue.modifier.category === 'contrast-clause' && cue.end <= span.start && ctx.clause[cue.start] === ctx.clause[span.start]) return cue;
  }
  return null;
}

/** precedingCue as it was: a pass from the last cue back. */
function precedingByScan(ctx: SentenceContext, span: Span, category: string, scope: number): Cue | null {
  for (let c = ctx.cues.length - 1; c >= 0; c -= 1) {
    const cue = ctx.cues[c] as Cue;
    if (cue.modifier.category !== category || cue.end > span.start) continue;
    if (span.start - cue.end >= scope || ctx.clause[cue.start] !== ctx.clause[span.start]) return null;
    return cue;
  }
  return null;
}

describe('rules on a long line', () => {
  const tokens = 20_000;
  const spans: Span[] = Array.from({ length: tokens / 10 }, (_, i) => ({ start: i * 10 + 3, end: i * 10 + 4 }));

  it('the contrast rule reads each cue a bounded number of times, not once per match', () => {
    const { ctx, reads } = counted(longLine(tokens, 1));
    for (const span of spans) contrast(ctx, span);
    // One pass to index the cues, then a binary search (≤ 2·log2 n reads) per match.
    expect(reads()).toBeLessThanOrEqual(ctx.cues.length + spans.length * 2 * Math.ceil(Math.log2(ctx.cues.length + 1)));
  });

  it('precedingCue reads at most the cues within scope after a binary search', () => {
    const { ctx, reads } = counted(longLine(tokens, 2));
    const scope = 4;
    for (const span of spans) precedingCue(ctx, span, 'negator', scope);
    expect(reads()).toBeLessThanOrEqual(spans.length * (2 * Math.ceil(Math.log2(ctx.cues.length + 1)) + scope + 1));
  });

  it('intensity and reversal read only the cues of their window', () => {
    const { ctx, reads } = counted(longLine(tokens, 6));
    for (const span of spans) {
      intensity(ctx, span);
      reversal(ctx, span);
    }
    // A binary search and the window's cues (a few tokens) per match and rule.
    expect(reads()).toBeLessThanOrEqual(spans.length * 2 * (2 * Math.ceil(Math.log2(ctx.cues.length + 1)) + 12));
  });

  it('they give the answers of a scan over every cue', () => {
    for (const seed of [3, 4, 5]) {
      const ctx = longLine(400, seed);
      for (let start = 0; start < 399; start += 1) {
        const span = { start, end: start + 1 };
        expect(contrast(ctx, span)?.cue ?? null).toBe(contrastByScan(ctx, span)?.surface ?? null);
        for (const scope of [1, 3, 6]) expect(precedingCue(ctx, span, 'negator', scope)).toBe(precedingByScan(ctx, span, 'negator', scope));
      }
    }
  });
});
