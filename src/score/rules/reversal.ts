import { type SentenceContext, type Span, cuesWithin } from '../context.js';
import type { RuleEffect } from './effect.js';

/** A reversing verb reaches this many words ahead ("removed South Korea from its list of trusted partners"). */
export const REVERSAL_SCOPE = 7;
/** A passive participle after the match reaches back this far ("the tariffs were removed"). */
export const PASSIVE_SCOPE = 2;

/**
 * Reversal: lifting, removing, scrapping, easing or ending something turns
 * its sense around, whatever its sign — "lifted its tariffs" is good news,
 * "removed from the list of trusted partners" is bad. The match is flipped
 * (×−0.75) like a negation, but symmetrically. A participle just after the
 * match works too: "the tariffs were removed".
 *
 * @example
 * // "China lifted its tariffs on barley": tariffs (-2) becomes +1.5.
 */
export function reversal(ctx: SentenceContext, span: Span): RuleEffect | null {
  for (const cue of cuesWithin(ctx, span.start - REVERSAL_SCOPE, span.end + PASSIVE_SCOPE)) {
    if (cue.modifier.category !== 'reversal' || ctx.clause[cue.start] !== ctx.clause[span.start]) continue;
    const before = cue.end <= span.start && span.start - cue.end < REVERSAL_SCOPE;
    const passive = cue.start >= span.end && cue.start - span.end <= PASSIVE_SCOPE && /ed$/i.test(cue.surface);
    if (before || passive) return { rule: 'reversed', factor: cue.modifier.factor, cue: cue.surface };
  }
  return null;
}
