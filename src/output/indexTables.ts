import { stringify } from 'csv-stringify/sync';
import { pairName } from '../render/format.js';
import { TRUST_DIMENSIONS } from '../score/lexicon.js';
import { UNDIRECTED } from '../aggregate/pairPeriodCounts.js';
import { periodKindOf, periodStart } from '../aggregate/periods.js';
import type { UnknownActor } from '../aggregate/runAggregator.js';
import type { EntryContribution, PairPeriodIndex } from '../types/pairIndex.js';

const DIMENSIONS = [...TRUST_DIMENSIONS];

/** What a table column holds: Parquet's type for it, and how the CSV writes it. */
export type ColumnKind = 'string' | 'double' | 'int' | 'boolean' | 'date';
export type Cell = string | number | boolean | null;

/** One column of a tidy table: its name, kind, and how a row gives its value. */
export interface Column<Row> {
  name: string;
  kind: ColumnKind;
  /** The column can be empty (null); required otherwise. */
  nullable?: boolean;
  value: (row: Row) => Cell;
  /** The CSV's text, where it differs from the value (rounding). */
  csv?: (row: Row) => string;
}

/** A cell for csv-stringify: null as an empty cell. */
const blank = (value: Cell) => value ?? '';

/** Rows as CSV, header first; booleans as true/false (csv-stringify's default is 1 and an empty cell), so pandas reads them as booleans. */
export function tableCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((c) => (c.csv ? c.csv(row) : blank(c.value(row)))));
  return stringify([columns.map((c) => c.name), ...cells], { cast: { boolean: (value) => (value ? 'true' : 'false') } });
}

/** Which of the index's two tables: undirected pairs, or directed dyads (`CN>PK`). */
export type IndexTable = 'undirected' | 'directed';

/** The cells of one index table: the undirected pairs' (`index.csv`) or the directed dyads' (`index-directed.csv`). */
export function indexRows(index: readonly PairPeriodIndex[], table: IndexTable): PairPeriodIndex[] {
  return index.filter((c) => (c.direction === UNDIRECTED) === (table === 'undirected'));
}

/** The two countries of a directed dyad `CN>PK`: who acts, and on whom. */
function dyadSides(direction: string): [string, string] {
  const [actor = '', target = ''] = direction.split('>');
  return [actor, target];
}

/**
 * The columns of `index.csv` / `index.parquet` (undirected pairs) and of
 * `index-directed.csv` / `index-directed.parquet` (directed dyads, with
 * the acting and the target country): one row per pair × period, tidy, so
 * a plain group-by counts each sentence once. `trust_index` rather than
 * `index`, which pandas reserves for a frame's row labels; `period_start`
 * is the period's first day, a date in every table.
 */
export function indexColumns(names: ReadonlyMap<string, string>, table: IndexTable = 'undirected'): Column<PairPeriodIndex>[] {
  const dyad: Column<PairPeriodIndex>[] = [
    { name: 'direction', kind: 'string', value: (c) => c.direction },
    { name: 'actor', kind: 'string', value: (c) => dyadSides(c.direction)[0] },
    { name: 'target', kind: 'string', value: (c) => dyadSides(c.direction)[1] },
  ];
  return [
    { name: 'pair', kind: 'string', value: (c) => c.pair },
    { name: 'pair_name', kind: 'string', value: (c) => pairName(c.pair, names) },
    ...(table === 'directed' ? dyad : []),
    { name: 'period', kind: 'string', value: (c) => c.period },
    { name: 'period_start', kind: 'date', value: (c) => periodStart(c.period, periodKindOf(c.period)) },
    { name: 'articles', kind: 'int', value: (c) => c.articles },
    { name: 'sentences', kind: 'int', value: (c) => c.sentences },
    { name: 'sources', kind: 'int', value: (c) => c.sources },
    { name: 'trust_index', kind: 'double', value: (c) => c.index },
    { name: 'ci_low', kind: 'double', nullable: true, value: (c) => c.ciLow },
    { name: 'ci_high', kind: 'double', nullable: true, value: (c) => c.ciHigh },
    { name: 'coverage_weight', kind: 'double', value: (c) => c.coverageWeight },
    { name: 'trust_index_shrunk', kind: 'double', value: (c) => c.indexShrunk },
    { name: 'low_coverage', kind: 'boolean', value: (c) => c.lowCoverage },
    { name: 'previous_period', kind: 'string', nullable: true, value: (c) => c.previousPeriod },
    { name: 'delta', kind: 'double', nullable: true, value: (c) => c.delta },
    { name: 'p_change', kind: 'double', nullable: true, value: (c) => c.pChange },
    { name: 'significant', kind: 'boolean', value: (c) => c.significant },
    { name: 'rolling3', kind: 'double', value: (c) => c.rolling3 },
    { name: 'trust', kind: 'double', value: (c) => c.trust, csv: (c) => c.trust.toFixed(4) },
    { name: 'tone', kind: 'double', value: (c) => c.tone, csv: (c) => c.tone.toFixed(4) },
    ...DIMENSIONS.map((d): Column<PairPeriodIndex> => ({ name: `dim_${d}`, kind: 'double', value: (c) => c.dimensions[d] ?? 0 })),
  ];
}

/** `index.csv` (or with `directed`, `index-directed.csv`): one row per pair × period, empty cells where a value does not exist. */
export function indexCsv(index: readonly PairPeriodIndex[], names: ReadonlyMap<string, string>, table: IndexTable = 'undirected'): string {
  return tableCsv(indexColumns(names, table), indexRows(index, table));
}

/** A row of `contributions`: one of the entries that moved a pair-period's index most. */
export interface ContributionRow {
  cell: PairPeriodIndex;
  rank: number;
  entry: EntryContribution;
}

export const CONTRIBUTION_COLUMNS: Column<ContributionRow>[] = [
  { name: 'pair', kind: 'string', value: (r) => r.cell.pair },
  { name: 'direction', kind: 'string', value: (r) => r.cell.direction },
  { name: 'period', kind: 'string', value: (r) => r.cell.period },
  { name: 'rank', kind: 'int', value: (r) => r.rank },
  { name: 'entry', kind: 'string', value: (r) => r.entry.entry },
  { name: 'dimension', kind: 'string', value: (r) => r.entry.dimension },
  { name: 'contribution', kind: 'double', value: (r) => r.entry.contribution },
];

export function contributionRows(index: readonly PairPeriodIndex[]): ContributionRow[] {
  return index.flatMap((cell) => cell.topEntries.map((entry, rank) => ({ cell, rank: rank + 1, entry })));
}

/** `contributions.csv`: per pair × period, the entries that moved the index most, in index points. */
export function contributionsCsv(index: readonly PairPeriodIndex[]): string {
  return tableCsv(CONTRIBUTION_COLUMNS, contributionRows(index));
}

/** Names listed in `unknown-actors.csv`, the most frequent. */
export const UNKNOWN_ACTORS_LISTED = 500;

/**
 * `unknown-actors.csv`: capitalised names used beside countries that matched
 * nothing in the gazetteer, by the number of documents, for a curator to
 * add as names, metonyms or proxies.
 */
export function unknownActorsCsv(actors: readonly UnknownActor[]): string {
  return tableCsv(UNKNOWN_ACTOR_COLUMNS, actors.slice(0, UNKNOWN_ACTORS_LISTED));
}

const UNKNOWN_ACTOR_COLUMNS: Column<UnknownActor>[] = [
  { name: 'name', kind: 'string', value: (a) => a.name },
  { name: 'documents', kind: 'int', value: (a) => a.documents },
];
