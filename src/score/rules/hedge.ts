import type { SentenceContext, Span } from '../context.js';
import type { RuleEffect } from './effect.js';

/** A modal or condition reaches this many words ahead. */
export const HEDGE_SCOPE = 6;

/**
 * Modality and hedging: a match governed by may, could, might, would or if
 * describes a possibility, not an event, and weighs less.
 *
 * @example
 * // "The talks could collapse": collapse is dampened ×0.6.
 */
export function hedge(ctx: SentenceContext, span: Span): RuleEffect | null {
  for (let c = ctx.cues.length - 1; c >= 0; c -= 1) {
    const cue = ctx.cues[c];
    if (!cue || cue.modifier.category !== 'hedge' || cue.end > span.start) continue;
    if (span.start - cue.end >= HEDGE_SCOPE || ctx.clause[cue.start] !== ctx.clause[span.start]) break;
    return { rule: 'hedged', factor: cue.modifier.factor, cue: cue.surface };
  }
  return null;
}
