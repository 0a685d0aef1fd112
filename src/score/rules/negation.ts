import { type SentenceContext, type Span, precedingCue } from '../context.js';
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
  const cue = precedingCue(ctx, span, 'negator', NEGATION_SCOPE);
  if (!cue) return null;
  return { rule: 'negated', factor: weight > 0 ? cue.modifier.factor : cue.modifier.factor / 2, cue: cue.surface };
}
