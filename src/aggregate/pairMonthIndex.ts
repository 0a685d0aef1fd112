import { mean } from 'simple-statistics';
import type { ArticlePairScore, PairMonthIndex } from '../types.js';
import { bootstrapInterval } from './bootstrapInterval.js';
import { cellSeed, seededRandom } from './random.js';

/** The index is mean article trust ×100: −100 (all distrust) … 0 (neutral) … +100. */
export const INDEX_SCALE = 100;

export interface IndexOptions {
  /** Seed of the bootstrap; the same seed gives the same intervals. */
  seed: number;
  resamples: number;
}

export const DEFAULT_INDEX_OPTIONS: IndexOptions = { seed: 20241128, resamples: 2000 };

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The per-pair, per-month index: each article weighted once, with a seeded
 * 95% bootstrap interval over articles. Sorted by pair, then month.
 *
 * @example
 * pairMonthIndex([{ pair: 'CN-PK', month: '2024-11', trust: -0.4, ... }, { ..., trust: -0.2 }]);
 * // [{ pair: 'CN-PK', month: '2024-11', articles: 2, index: -30, ciLow: -40, ciHigh: -20, ... }]
 */
export function pairMonthIndex(
  scores: readonly ArticlePairScore[],
  options: IndexOptions = DEFAULT_INDEX_OPTIONS,
): PairMonthIndex[] {
  const cells = new Map<string, ArticlePairScore[]>();
  for (const score of scores) {
    const key = `${score.pair} ${score.month}`;
    const cell = cells.get(key);
    if (cell) cell.push(score);
    else cells.set(key, [score]);
  }
  return [...cells.keys()].sort().map((key) => {
    const cell = (cells.get(key) as ArticlePairScore[]).slice().sort((a, b) => (a.docId < b.docId ? -1 : 1));
    const first = cell[0] as ArticlePairScore;
    const trust = cell.map((s) => s.trust);
    const interval = bootstrapInterval(trust, seededRandom(cellSeed(options.seed, key)), options.resamples);
    return {
      pair: first.pair,
      month: first.month,
      articles: cell.length,
      sentences: cell.reduce((n, s) => n + s.sentences, 0),
      trust: mean(trust),
      tone: mean(cell.map((s) => s.tone)),
      index: round1(mean(trust) * INDEX_SCALE),
      ciLow: interval ? round1(interval[0] * INDEX_SCALE) : null,
      ciHigh: interval ? round1(interval[1] * INDEX_SCALE) : null,
    };
  });
}
