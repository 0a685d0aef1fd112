import { stringify } from 'csv-stringify/sync';
import { TRUST_DIMENSIONS } from '../score/lexicon.js';
import type { UnknownActor } from '../aggregate/runAggregator.js';
import type { PairPeriodIndex } from '../types.js';

const DIMENSIONS = [...TRUST_DIMENSIONS];

export const INDEX_CSV_COLUMNS = [
  'pair', 'pair_name', 'direction', 'month', 'period', 'articles', 'sentences', 'sources', 'index', 'ci_low', 'ci_high',
  'index_shrunk', 'low_coverage', 'previous_period', 'delta', 'p_change', 'significant', 'rolling3', 'trust', 'tone',
  ...DIMENSIONS.map((d) => `dim_${d}`),
] as const;

/** A pair's display name from its codes: "China – Pakistan". */
export function pairName(pair: string, names: ReadonlyMap<string, string>): string {
  return pair
    .split('-')
    .map((code) => names.get(code) ?? code)
    .join(' – ');
}

const blank = (value: number | string | null) => value ?? '';

/** `index.csv`: one row per pair × period, tidy (no nested cells), empty cells where a value does not exist. */
export function indexCsv(index: readonly PairPeriodIndex[], names: ReadonlyMap<string, string>): string {
  const rows = index.map((c) => [
    c.pair, pairName(c.pair, names), c.direction, c.month, c.period, c.articles, c.sentences, c.sources, c.index,
    blank(c.ciLow), blank(c.ciHigh), c.indexShrunk, c.lowCoverage, blank(c.previousPeriod), blank(c.delta),
    blank(c.pChange), c.significant, c.rolling3, c.trust.toFixed(4), c.tone.toFixed(4),
    ...DIMENSIONS.map((d) => c.dimensions[d] ?? 0),
  ]);
  // Booleans as true/false (csv-stringify's default is 1 and an empty cell), so pandas reads them as booleans.
  return stringify([[...INDEX_CSV_COLUMNS], ...rows], { cast: { boolean: (value) => (value ? 'true' : 'false') } });
}

/** `contributions.csv`: per pair × period, the entries that moved the index most, in index points. */
export function contributionsCsv(index: readonly PairPeriodIndex[]): string {
  const rows = index.flatMap((c) =>
    c.topEntries.map((e, rank) => [c.pair, c.direction, c.period, rank + 1, e.entry, e.dimension, e.contribution]),
  );
  return stringify([['pair', 'direction', 'period', 'rank', 'entry', 'dimension', 'contribution'], ...rows]);
}

/** Names listed in `unknown-actors.csv`, the most frequent. */
export const UNKNOWN_ACTORS_LISTED = 500;

/**
 * `unknown-actors.csv`: capitalised names used beside countries that matched
 * nothing in the gazetteer, by the number of documents, for a curator to
 * add as names, metonyms or proxies.
 */
export function unknownActorsCsv(actors: readonly UnknownActor[]): string {
  const rows = actors.slice(0, UNKNOWN_ACTORS_LISTED).map((a) => [a.name, a.documents]);
  return stringify([['name', 'documents'], ...rows]);
}
