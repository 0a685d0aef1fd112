import { type SentenceContext, type Span, precedingCue } from '../context.js';
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
  const cue = precedingCue(ctx, span, 'hedge', HEDGE_SCOPE);
  return cue ? { rule: 'hedged', factor: cue.modifier.factor, cue: cue.surface } : null;
}
