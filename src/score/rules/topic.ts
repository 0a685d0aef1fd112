import { type SentenceContext, type Span, precedingCue } from '../context.js';
import type { RuleEffect } from './effect.js';

/** A topic cue reaches this many words ahead. */
export const TOPIC_SCOPE = 8;

/**
 * What a cooperative act is about: in "Kerry meets Karzai to talk about the
 * two countries' strained relations" or "Egypt and Ethiopia meet to work out a
 * disagreement", the words after the cue name the act's subject matter, and
 * the act (a meeting) is the news. They count ×0 where the sentence codes a
 * cooperative event between two countries; elsewhere the rule is not applied.
 *
 * @example
 * // "X and Y meet amid strained relations": "strained" → topic×0 ("amid").
 */
export function topic(ctx: SentenceContext, span: Span): RuleEffect | null {
  const cue = precedingCue(ctx, span, 'topic', TOPIC_SCOPE);
  return cue ? { rule: 'topic', factor: 0, cue: cue.surface } : null;
}
