import type { CodedEvent } from '../eventEvidence.js';
import type { SentenceContext, Span } from '../context.js';
import type { RuleEffect } from './effect.js';

/**
 * What a rejection rejects, or a condemnation condemns: in "China rejects an
 * offer by Taiwan to begin a peace dialogue" the words after the rejection, in
 * its clause, name the thing turned down ("резко осудили … военной поддержки":
 * the support condemned); the act (CAMEO root 12, or 11) carries the valence,
 * so they count ×0.
 *
 * @example
 * // "rejects an offer … to begin a peace dialogue": "peace" → rejected×0 ("rejects an offer").
 */
/** CAMEO 11 (disapprove: condemn, criticise) and 12 (reject), but not 128, defying norms (参拜靖国神社): what follows it is no thing refused. */
const REFUSING_ROOTS = new Set(['11', '12']);
const DEFY_NORMS = '128';

export function rejected(ctx: SentenceContext, coded: readonly CodedEvent[], span: Span): RuleEffect | null {
  const rejection = coded.find(
    (e) => REFUSING_ROOTS.has(e.match.entry.root) && !e.match.entry.code.startsWith(DEFY_NORMS) && e.effective !== 0 && e.match.end <= span.start && ctx.clause[e.match.end - 1] === ctx.clause[span.start],
  );
  return rejection ? { rule: 'rejected', factor: 0, cue: rejection.surface } : null;
}
