import type { CodedEvent } from '../eventEvidence.js';
import type { SentenceContext, Span } from '../context.js';
import type { RuleEffect } from './effect.js';

/**
 * What a rejection rejects: in "China rejects an offer by Taiwan to begin a
 * peace dialogue" the words after the rejection, in its clause, name the
 * thing turned down; the rejection (CAMEO root 12) carries the valence, so
 * they count ×0.
 *
 * @example
 * // "rejects an offer … to begin a peace dialogue": "peace" → rejected×0 ("rejects an offer").
 */
export function rejected(ctx: SentenceContext, coded: readonly CodedEvent[], span: Span): RuleEffect | null {
  const rejection = coded.find(
    (e) => e.match.entry.root === '12' && e.effective !== 0 && e.match.end <= span.start && ctx.clause[e.match.end - 1] === ctx.clause[span.start],
  );
  return rejection ? { rule: 'rejected', factor: 0, cue: rejection.surface } : null;
}
