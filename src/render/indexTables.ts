import { stringify } from 'csv-stringify/sync';
import type { PairMonthIndex } from '../types.js';

export const INDEX_CSV_COLUMNS = [
  'pair', 'pair_name', 'month', 'articles', 'sentences', 'index', 'ci_low', 'ci_high', 'trust', 'tone',
] as const;

/** A pair's display name from its codes: "China – Pakistan". */
export function pairName(pair: string, names: ReadonlyMap<string, string>): string {
  return pair
    .split('-')
    .map((code) => names.get(code) ?? code)
    .join(' – ');
}

/** `index.csv`: one row per pair × month, tidy (no nested cells), empty cells for missing intervals. */
export function indexCsv(index: readonly PairMonthIndex[], names: ReadonlyMap<string, string>): string {
  const rows = index.map((c) => [
    c.pair, pairName(c.pair, names), c.month, c.articles, c.sentences, c.index,
    c.ciLow ?? '', c.ciHigh ?? '', c.trust.toFixed(4), c.tone.toFixed(4),
  ]);
  return stringify([[...INDEX_CSV_COLUMNS], ...rows]);
}
