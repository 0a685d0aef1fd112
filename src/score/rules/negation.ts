import type { SentenceContext, Span } from '../context.js';
import type { RuleEffect } from './effect.js';

/** A negator reaches this many words ahead ("did not quite end in failure"). */
export const NEGATION_SCOPE = 4;

/**
 * Negation: a negator within NEGATION_SCOPE words before the match, in the
 * same clause, flips it. A negated positive entry takes the negator's factor
 * (-0.75: "not trust" is distrust, a little weaker); a negated negative entry
 * takes half of it ("not hostile" is milder than "friendly").
 *
 * @example
 * // "We don't trust them": trust (+2) becomes -1.5.
 */
export function negation(ctx: SentenceContext, span: Span, weight: number): RuleEffect | null {
  for (let c = ctx.cues.length - 1; c >= 0; c -= 1) {
    const cue = ctx.cues[c];
    if (!cue || cue.modifier.category !== 'negator' || cue.end > span.start) continue;
    if (span.start - cue.end >= NEGATION_SCOPE) break;
    if (ctx.clause[cue.start] !== ctx.clause[span.start]) break;
    const factor = weight > 0 ? cue.modifier.factor : cue.modifier.factor / 2;
    return { rule: 'negated', factor, cue: cue.surface };
  }
  return null;
}
