import type { CountryMention, Token } from '../types/sentence.js';
import type { EvidenceItem } from '../types/evidence.js';

/** The first country must be named within this many words of the sentence start to be its subject. */
export const SUBJECT_WINDOW = 4;

const CLAUSE_BREAK = /[,;:]/;

/** Who acts on whom in a sentence: `source` → `target`, alpha-2 codes. */
export interface Direction {
  source: string;
  target: string;
}

/**
 * The direction of a sentence about two countries, where its shape makes it
 * plain: the first country opens the sentence (its subject: "China",
 * "Pakistan's Intelligence Bureau", "Chinese companies"), an action from the
 * trust lexicon follows, and the other country is named only after that
 * action, in the same clause. "China expelled the Pakistani envoy" is CN→PK;
 * "Talks between China and Pakistan stalled" and "Tokyo protested, and
 * Washington said…" have no direction. Undirected pairs are produced either
 * way; a direction is extra.
 *
 * @example
 * // "China expelled the Pakistani envoy." → { source: 'CN', target: 'PK' }
 */
export function sentenceDirection(
  text: string,
  mentions: readonly CountryMention[],
  tokens: readonly Token[],
  evidence: readonly EvidenceItem[],
): Direction | null {
  const codes = [...new Set(mentions.map((m) => m.code))];
  const first = mentions[0];
  if (codes.length !== 2 || !first) return null;
  const opening = tokens.findIndex((t) => t.start >= first.start);
  if (opening < 0 || opening >= SUBJECT_WINDOW) return null;
  const source = first.code;
  const target = codes.find((c) => c !== source) as string;
  const action = evidence.find((e) => e.start >= first.end);
  if (!action) return null;
  const sourceAfter = mentions.some((m) => m.code === source && m.start >= action.end);
  const targetBefore = mentions.some((m) => m.code === target && m.start < action.end);
  const targetMention = mentions.find((m) => m.code === target) as CountryMention;
  const otherClause = CLAUSE_BREAK.test(text.slice(action.end, targetMention.start));
  return sourceAfter || targetBefore || otherClause ? null : { source, target };
}
