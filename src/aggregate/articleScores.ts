import { mean } from 'simple-statistics';
import type { ArticlePairScore, PairSentence } from '../types.js';

/**
 * One article's score for each pair it discusses, from that article's
 * pair-sentences: their mean per pair,
 * so a long article counts once, like a short one.
 *
 * @example
 * articleScores([{ docId: 'a', pair: 'CN-PK', date: '2024-11-02', trust: -0.5, tone: 0, ... }, ...]);
 * // [{ docId: 'a', pair: 'CN-PK', month: '2024-11', trust: ..., sentences: ... }]
 */
export function articleScores(sentences: readonly PairSentence[]): ArticlePairScore[] {
  const byPair = new Map<string, PairSentence[]>();
  for (const sentence of sentences) {
    const group = byPair.get(sentence.pair);
    if (group) group.push(sentence);
    else byPair.set(sentence.pair, [sentence]);
  }
  return [...byPair.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([pair, group]) => {
      const first = group[0] as PairSentence;
      return {
        docId: first.docId,
        pair,
        month: first.date.slice(0, 7),
        trust: mean(group.map((s) => s.trust)),
        tone: mean(group.map((s) => s.tone)),
        sentences: group.length,
      };
    });
}
