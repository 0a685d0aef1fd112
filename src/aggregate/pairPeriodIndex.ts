import { linearRegression, mean } from 'simple-statistics';
import type { ArticlePairScore, EntryContribution, PairPeriodIndex, PairSummary } from '../types/pairIndex.js';
import { changePValue } from './changeTest.js';
import { meanInterval } from './meanInterval.js';
import { type PeriodKind, periodOf, periodRange, periodStart } from './periods.js';
import { cellSeed, seededRandom } from './random.js';
import { shrinkToLongRunMean } from './shrinkage.js';
import { coverageWeight, typicalCoverage } from './coverageWeight.js';

/** The index is article trust ×100, weighted by coverage (see coverageWeight): −100 (all distrust) … 0 (neutral) … +100. */
export const INDEX_SCALE = 100;
/** Entries listed per period as those that moved the index most. */
export const TOP_ENTRIES = 5;
/** A change is significant below this p-value (and with enough coverage on both sides). */
export const SIGNIFICANCE = 0.05;

export interface IndexOptions {
  period: PeriodKind;
  /** Periods with fewer articles are low-coverage: flagged, shrunk, and never "significant". */
  minArticles: number;
  /** Seed of the permutation tests; the same seed gives the same numbers. */
  seed: number;
}

export const DEFAULT_INDEX_OPTIONS: IndexOptions = { period: 'month', minArticles: 5, seed: 20241128 };

export interface IndexResult {
  index: PairPeriodIndex[];
  pairs: PairSummary[];
}

function round1(value: number): number {
  return Math.round(value * 10) / 10 + 0;
}

function byDoc(a: ArticlePairScore, b: ArticlePairScore): number {
  return a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0;
}

/** Index points per dimension and per entry: the articles' shares, summed, over `denominator` (n + n̄), ×100. */
function decompose(articles: readonly ArticlePairScore[], denominator: number): { dimensions: Record<string, number>; topEntries: EntryContribution[] } {
  const dimensions = new Map<string, number>();
  const entries = new Map<string, EntryContribution>();
  for (const article of articles) {
    for (const [dimension, share] of Object.entries(article.dimensions)) {
      dimensions.set(dimension, (dimensions.get(dimension) ?? 0) + share);
    }
    for (const e of article.entries) {
      const key = `${e.entry}\t${e.dimension}`;
      const known = entries.get(key);
      if (known) known.contribution += e.contribution;
      else entries.set(key, { ...e });
    }
  }
  const scale = INDEX_SCALE / denominator;
  return {
    dimensions: Object.fromEntries([...dimensions.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, v]) => [d, round1(v * scale)])),
    topEntries: [...entries.values()]
      .map((e) => ({ ...e, contribution: round1(e.contribution * scale) }))
      .filter((e) => e.contribution !== 0)
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.entry < b.entry ? -1 : 1))
      .slice(0, TOP_ENTRIES),
  };
}

/** The index of one series: its periods' cells and its summary. */
export interface SeriesIndex {
  cells: PairPeriodIndex[];
  summary: PairSummary;
}

/** One pair's periods, in time order, with everything that compares periods with each other. */
export function pairSeries(
  pair: string,
  direction: string,
  scores: ArticlePairScore[],
  options: IndexOptions,
): SeriesIndex {
  const byPeriod = new Map<string, ArticlePairScore[]>();
  for (const score of scores) {
    const period = periodOf(score.date, options.period);
    const cell = byPeriod.get(period);
    if (cell) cell.push(score);
    else byPeriod.set(period, [score]);
  }
  const periods = [...byPeriod.keys()].sort();
  const groups = periods.map((p) => (byPeriod.get(p) as ArticlePairScore[]).sort(byDoc));
  const values = groups.map((g) => g.map((s) => s.trust));
  const shrunk = shrinkToLongRunMean(values);
  const typical = typicalCoverage(groups.map((g) => g.length));
  const timeline = periodRange(periods[0] as string, periods[periods.length - 1] as string, options.period);
  const position = new Map(timeline.map((p, i) => [p, i]));
  const cells: PairPeriodIndex[] = [];
  groups.forEach((group, i) => {
    const period = periods[i] as string;
    const key = `${pair} ${direction} ${period}`;
    const trust = values[i] as number[];
    const weight = coverageWeight(trust.length, typical);
    const interval = meanInterval(trust);
    const scale = weight * INDEX_SCALE;
    const index = round1(mean(trust) * scale);
    const previous = cells[cells.length - 1];
    const pChange = previous ? changePValue(values[i - 1] as number[], trust, seededRandom(cellSeed(options.seed, `change ${key}`))) : null;
    const lowCoverage = group.length < options.minArticles;
    const here = position.get(period) as number;
    const window = cells.filter((c) => here - (position.get(c.period) as number) <= 2).map((c) => c.index);
    cells.push({
      pair,
      direction,
      period,
      month: periodStart(period, options.period).slice(0, 7),
      articles: group.length,
      sentences: group.reduce((n, s) => n + s.sentences, 0),
      sources: new Set(group.map((s) => s.source ?? '')).size,
      trust: mean(trust),
      tone: mean(group.map((s) => s.tone)),
      index,
      coverageWeight: Math.round(weight * 10_000) / 10_000,
      ciLow: interval ? round1(interval[0] * scale) : null,
      ciHigh: interval ? round1(interval[1] * scale) : null,
      lowCoverage,
      indexShrunk: round1((shrunk[i] as number) * scale),
      previousPeriod: previous?.period ?? null,
      delta: previous ? round1(index - previous.index) : null,
      pChange: pChange === null ? null : Math.round(pChange * 10_000) / 10_000,
      significant: pChange !== null && pChange < SIGNIFICANCE && !lowCoverage && previous !== undefined && !previous.lowCoverage,
      rolling3: round1(mean([...window, index])),
      ...decompose(group, trust.length + typical),
    });
  });
  const trend = cells.length > 1 ? linearRegression(cells.map((c) => [position.get(c.period) as number, c.index])) : null;
  return {
    cells,
    summary: {
      pair,
      direction,
      articles: scores.length,
      periods: cells.length,
      mean: round1(mean(scores.map((s) => s.trust)) * INDEX_SCALE),
      trendSlope: trend ? Math.round(trend.m * 100) / 100 + 0 : null,
    },
  };
}

/**
 * The per-pair, per-period index: each article weighted once, the mean
 * weighted by the period's coverage against the series' typical coverage
 * (coverageWeight), a 95% Student t interval, low-coverage flags with an empirical-Bayes shrunk
 * value, the change from the previous period with a permutation test, a
 * 3-period rolling mean, the split by dimension and the entries that moved
 * it; and per pair, the linear trend. Undirected pairs (`both`) and
 * directed dyads (`CN>PK`) are separate series. Sorted by pair, direction,
 * then period; the result does not depend on the order of the input.
 *
 * @example
 * pairPeriodIndex(scores).index[0];
 * // { pair: 'AU-CN', period: '2020-04', articles: 2, index: -71.1, ciLow: -77.3, ciHigh: -65, ... }
 */
export function pairPeriodIndex(scores: readonly ArticlePairScore[], options: IndexOptions = DEFAULT_INDEX_OPTIONS): IndexResult {
  return joinSeries(seriesOf(scores).map((s) => pairSeries(s.pair, s.direction, s.scores, options)));
}

/** The article scores of one series: an undirected pair (`both`) or one directed dyad. */
export interface Series {
  pair: string;
  direction: string;
  scores: ArticlePairScore[];
}

/** Scores grouped into series, sorted by pair then direction. */
export function seriesOf(scores: readonly ArticlePairScore[]): Series[] {
  const bySeries = new Map<string, ArticlePairScore[]>();
  for (const score of scores) {
    const key = `${score.pair} ${score.direction}`;
    const list = bySeries.get(key);
    if (list) list.push(score);
    else bySeries.set(key, [score]);
  }
  return [...bySeries.keys()].sort().map((key) => {
    const [pair = '', direction = ''] = key.split(' ');
    return { pair, direction, scores: bySeries.get(key) as ArticlePairScore[] };
  });
}

/** The index of series computed in their sorted order. */
export function joinSeries(series: readonly SeriesIndex[]): IndexResult {
  return { index: series.flatMap((s) => s.cells), pairs: series.map((s) => s.summary) };
}
