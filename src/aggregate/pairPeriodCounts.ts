import type { PairPeriodIndex } from '../types/pairIndex.js';

/** The direction value of an undirected pair's cells: every sentence about the pair. */
export const UNDIRECTED = 'both';

/**
 * How many cells an index holds, counted one way for the terminal, the
 * report and index.json: undirected pair-periods (a pair in a period with
 * articles), how many of them have low coverage, and the directed dyads'
 * cells, which are counted apart because they repeat sentences of their pair.
 */
export interface PairPeriodCounts {
  pairPeriods: number;
  lowCoverage: number;
  directedPairPeriods: number;
}

export function pairPeriodCounts(index: readonly PairPeriodIndex[]): PairPeriodCounts {
  const undirected = index.filter((c) => c.direction === UNDIRECTED);
  return {
    pairPeriods: undirected.length,
    lowCoverage: undirected.filter((c) => c.lowCoverage).length,
    directedPairPeriods: index.length - undirected.length,
  };
}

/** "102 pair-periods (75 with low coverage), and 80 of directed dyads": the terminal and the report say it alike. */
export function describePairPeriods(index: readonly PairPeriodIndex[]): string {
  const { pairPeriods, lowCoverage, directedPairPeriods } = pairPeriodCounts(index);
  return `${pairPeriods} pair-periods (${lowCoverage} with low coverage), and ${directedPairPeriods} of directed dyads`;
}
