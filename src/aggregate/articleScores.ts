import { mean } from 'simple-statistics';
import { evidenceShares } from '../score/intensity.js';
import type { ArticlePairScore, EntryContribution } from '../types/pairIndex.js';
import type { PairSentence } from '../types/evidence.js';

/**
 * What each matched entry and event adds to its sentence's trust, in the
 * sentence's own units (`evidenceShares`), so a sentence's contributions add
 * up to its trust. An event is named by its pattern and CAMEO code.
 */
function sentenceContributions(sentence: PairSentence): EntryContribution[] {
  const events = sentence.events ?? [];
  const shares = evidenceShares(sentence.trustEvidence, events);
  return [
    ...sentence.trustEvidence.map((e) => ({ entry: e.entry, dimension: e.dimension })),
    ...events.map((e) => ({ entry: `${e.pattern} [${e.code}]`, dimension: e.dimension })),
  ].map((c, i) => ({ ...c, contribution: shares[i] as number }));
}

function articleScore(pair: string, direction: string, group: PairSentence[]): ArticlePairScore {
  const first = group[0] as PairSentence;
  const entries = new Map<string, EntryContribution>();
  const dimensions: Record<string, number> = {};
  for (const sentence of group) {
    for (const c of sentenceContributions(sentence)) {
      const share = c.contribution / group.length;
      const key = `${c.entry}\t${c.dimension}`;
      const known = entries.get(key);
      if (known) known.contribution += share;
      else entries.set(key, { ...c, contribution: share });
      dimensions[c.dimension] = (dimensions[c.dimension] ?? 0) + share;
    }
  }
  return {
    docId: first.docId,
    pair,
    direction,
    date: first.date,
    ...(first.source !== undefined ? { source: first.source } : {}),
    trust: mean(group.map((s) => s.trust)),
    tone: mean(group.map((s) => s.tone)),
    sentences: group.length,
    dimensions,
    entries: [...entries.values()].sort((a, b) => (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : a.dimension < b.dimension ? -1 : 1)),
  };
}

/**
 * One article's score for each pair it discusses, from that article's
 * pair-sentences: their mean per pair, so a long article counts once, like
 * a short one. Each score carries the share of every dimension and every
 * matched entry, so the index can be taken apart later. Sentences with a
 * direction also count, separately, for their directed dyad.
 *
 * @example
 * articleScores([{ docId: 'a', pair: 'CN-PK', date: '2024-11-02', trust: -0.5, ... }, { ..., trust: 0.1 }]);
 * // [{ docId: 'a', pair: 'CN-PK', date: '2024-11-02', trust: -0.2, sentences: 2, ... }]
 */
export function articleScores(sentences: readonly PairSentence[]): ArticlePairScore[] {
  const groups = new Map<string, PairSentence[]>();
  const add = (key: string, sentence: PairSentence) => {
    const group = groups.get(key);
    if (group) group.push(sentence);
    else groups.set(key, [sentence]);
  };
  for (const sentence of sentences) {
    add(`${sentence.pair} both`, sentence);
    if (sentence.direction) add(`${sentence.pair} ${sentence.direction}`, sentence);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => {
      const [pair = '', direction = ''] = key.split(' ');
      return articleScore(pair, direction, group);
    });
}
