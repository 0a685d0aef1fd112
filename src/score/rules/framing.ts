import { type SentenceContext, type Span, precedingCue } from '../context.js';
import type { RuleEffect } from './effect.js';

/** A framing cue reaches this many words ahead ("once characterized by unwavering trust and cooperation"). */
export const FRAMING_SCOPE = 6;

/**
 * Framing: a relationship described as it "once" was, "traditionally" was,
 * or as its "proclaimed" friendship, is being contrasted with what it is
 * now. News uses the past image to mark the change, so the match is flipped
 * and halved.
 *
 * @example
 * // "what was once an unbreakable partnership": unbreakable (+2) becomes -1.
 */
export function framing(ctx: SentenceContext, span: Span): RuleEffect | null {
  const cue = precedingCue(ctx, span, 'framing', FRAMING_SCOPE);
  return cue ? { rule: 'past-framed', factor: cue.modifier.factor, cue: cue.surface } : null;
}
