import type { SentenceContext, Span } from '../context.js';
import type { RuleEffect } from './effect.js';

/** Each exclamation mark strengthens the sentence's matches by this much, up to MAX_MARKS marks. */
export const PER_MARK = 0.15;
export const MAX_MARKS = 3;

/**
 * Emphasis: exclamation marks strengthen every match in the sentence
 * ("This is unacceptable!!"). Capital letters are not emphasis in news
 * (NATO, headlines), so they are ignored.
 *
 * @example
 * // "We will never accept this!" : every match ×1.15.
 */
export function emphasis(ctx: SentenceContext, _span: Span): RuleEffect | null {
  const marks = Math.min(MAX_MARKS, ctx.exclamations);
  return marks === 0 ? null : { rule: 'emphasised', factor: Math.round((1 + PER_MARK * marks) * 100) / 100, cue: '!'.repeat(marks) };
}
