import type { SentenceContext, Span } from '../context.js';
import type { RuleEffect } from './effect.js';

/**
 * Contrast: the main clause weighs more. A match before "but", "however" or
 * "yet" is discounted; so is a match inside a clause opened by "although",
 * "though", "despite" or "while".
 *
 * @example
 * // "Trade grew, but distrust deepened": grew is discounted ×0.5.
 */
export function contrast(ctx: SentenceContext, span: Span): RuleEffect | null {
  for (const cue of ctx.cues) {
    const { category, factor } = cue.modifier;
    if (category === 'contrast-before' && cue.start >= span.end) {
      return { rule: 'contrast-discounted', factor, cue: cue.surface };
    }
    if (category === 'contrast-clause' && cue.end <= span.start && ctx.clause[cue.start] === ctx.clause[span.start]) {
      return { rule: 'contrast-discounted', factor, cue: cue.surface };
    }
  }
  return null;
}
