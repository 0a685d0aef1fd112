import { type SentenceContext, type Span, cuesWithin } from '../context.js';
import type { RuleEffect } from './effect.js';

/**
 * Boosters and dampeners: "deepening", "growing", "mounting" strengthen the
 * match one or two words after them; "slightly", "somewhat" weaken it. An
 * adverb in -ly right after the match works too ("declined sharply").
 *
 * @example
 * // "mounting tensions": tensions (-2) becomes -2.6.
 */
export function intensity(ctx: SentenceContext, span: Span): RuleEffect | null {
  // Before: ending at most one word before the match; after: starting right after it.
  for (const cue of cuesWithin(ctx, span.start - 2, span.end)) {
    const { category } = cue.modifier;
    if (category !== 'booster' && category !== 'dampener') continue;
    const before = cue.end <= span.start && span.start - cue.end <= 1 && ctx.clause[cue.start] === ctx.clause[span.start];
    const after = cue.start === span.end && cue.surface.toLowerCase().endsWith('ly');
    if (before || after) {
      return { rule: category === 'booster' ? 'boosted' : 'dampened', factor: cue.modifier.factor, cue: cue.surface };
    }
  }
  return null;
}
