import type { SentenceContext, Span } from '../context.js';
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
  for (let c = ctx.cues.length - 1; c >= 0; c -= 1) {
    const cue = ctx.cues[c];
    if (!cue || cue.modifier.category !== 'framing' || cue.end > span.start) continue;
    if (span.start - cue.end >= FRAMING_SCOPE || ctx.clause[cue.start] !== ctx.clause[span.start]) break;
    return { rule: 'past-framed', factor: cue.modifier.factor, cue: cue.surface };
  }
  return null;
}
