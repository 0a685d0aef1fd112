import { mean } from 'simple-statistics';
import { NORMALISATION_K } from '../score/scoreSentence.js';
import { evidencePoints, pairTrust } from '../score/intensity.js';
import { readTsv } from '../util/tsv.js';
import type { PairSentence } from '../types/evidence.js';
import type { PairPeriodIndex } from '../types/pairIndex.js';
import { coverageWeight, typicalCoverage } from '../aggregate/coverageWeight.js';

/** A documented turning point: the pair's index should move `direction` in `month`. */
export interface Episode {
  corpus: string;
  pair: string;
  month: string;
  direction: 'up' | 'down';
  record: string;
}

/** Read an episode table (`test/gold/episodes.tsv`). */
export function readEpisodes(path: string): Episode[] {
  return readTsv(path).rows.map((row) => {
    const get = (name: string) => row.fields.get(name) ?? '';
    const direction = get('direction');
    if (direction !== 'up' && direction !== 'down') throw new Error(`${path}:${row.line}: direction must be up or down`);
    return { corpus: get('corpus'), pair: get('pair'), month: get('month'), direction, record: get('record') };
  });
}

/** An article's score for a pair in a month: the unit every series below averages. */
export interface ArticlePoint {
  pair: string;
  month: string;
  score: number;
}

/** A pair's months: month → [sum of article scores, articles]. */
export type MonthlySeries = Map<string, Map<string, [number, number]>>;

export function monthlySeries(points: Iterable<ArticlePoint>): MonthlySeries {
  const series: MonthlySeries = new Map();
  for (const p of points) {
    let months = series.get(p.pair);
    if (!months) series.set(p.pair, (months = new Map()));
    const cell = months.get(p.month) ?? [0, 0];
    months.set(p.month, [cell[0] + p.score, cell[1] + 1]);
  }
  return series;
}

/** The months of the index (undirected pairs): each cell's summed article trust and its articles. */
export function indexSeries(index: readonly PairPeriodIndex[]): MonthlySeries {
  const series: MonthlySeries = new Map();
  for (const cell of index) {
    if (cell.direction !== 'both') continue;
    let months = series.get(cell.pair);
    if (!months) series.set(cell.pair, (months = new Map()));
    months.set(cell.month, [cell.trust * cell.articles, cell.articles]);
  }
  return series;
}

function monthsBefore(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - (i + 1);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * How a span of months reads from its summed article scores, its articles, its length in months and the
 * pair's typical articles per month with any; null when it cannot be read (a mean of no articles).
 */
export type Aggregation = (sum: number, articles: number, months: number, typical: number) => number | null;

/** As the index reads a period (aggregate/coverageWeight.ts), a span of months counting n̄ once a month. */
export const COVERAGE_WEIGHTED: Aggregation = (sum, articles, months, typical) => (articles === 0 ? 0 : (sum / articles) * coverageWeight(articles, months * typical));
export const MEAN: Aggregation = (sum, articles) => (articles === 0 ? null : sum / articles);
export const NET_SUM: Aggregation = (sum, _articles, months) => sum / months;

/** The ways months are read, compared in `npm run eval`: the index's own first. */
export const AGGREGATIONS: ReadonlyArray<[string, Aggregation]> = [
  ['coverage-weighted Σ/(n + n̄) (used)', COVERAGE_WEIGHTED],
  ['mean Σ/n', MEAN],
  ['net sum per month Σ/months', NET_SUM],
];

export interface EpisodeResult {
  episode: Episode;
  /** The month ×100 and the six months before it pooled, as the aggregation reads them; null when it cannot. */
  month: number | null;
  before: number | null;
  change: number | null;
  articles: number;
  /** Articles in the six months before. */
  articlesBefore: number;
  /** Share of the pair's months (with articles) that read at or below this month. */
  rank: number | null;
  right: boolean;
}

/** The change of a pair's reading in an episode's month from the six months before, and whether it went the documented way. */
export function checkEpisode(series: MonthlySeries, episode: Episode, aggregation: Aggregation = COVERAGE_WEIGHTED): EpisodeResult {
  const months = series.get(episode.pair) ?? new Map<string, [number, number]>();
  const cells = [...months.values()];
  const typical = cells.length === 0 ? 0 : typicalCoverage(cells.map((c) => c[1]));
  const read = (sum: number, articles: number, span: number) => {
    const value = aggregation(sum, articles, span, typical);
    return value === null || !Number.isFinite(value) ? null : 100 * value;
  };
  const none: [number, number] = [0, 0];
  const [sum, articles] = months.get(episode.month) ?? none;
  const pooled = monthsBefore(episode.month, 6).map((m) => months.get(m) ?? none);
  const articlesBefore = pooled.reduce((n, c) => n + c[1], 0);
  const month = read(sum, articles, 1);
  const before = read(pooled.reduce((s, c) => s + c[0], 0), articlesBefore, 6);
  const change = month !== null && before !== null && articles > 0 && articlesBefore > 0 ? month - before : null;
  const readings = cells.map((c) => read(c[0], c[1], 1) as number);
  const rank = articles > 0 && month !== null ? readings.filter((v) => v <= month).length / readings.length : null;
  const right = change !== null && (episode.direction === 'down' ? change < 0 : change > 0);
  return { episode, month, before, change, articles, articlesBefore, rank, right };
}

/** The sentence score the pipeline uses (score/intensity.ts). */
export const LINEAR = (s: PairSentence): number => pairTrust(s.trustEvidence, s.events ?? []);

/**
 * Ways a sentence's evidence could reach an article's score, compared in `npm run eval`
 * on the same pair-sentences under the index's aggregation: the one the pipeline uses
 * (`linear`, see score/intensity.ts) and the alternatives it was chosen over.
 */
export const INTENSITY_METHODS: ReadonlyArray<[string, (s: PairSentence) => number]> = [
  ['linear Σ/5', (s) => LINEAR(s)],
  [
    `saturating Σe/(Σ|e|+${NORMALISATION_K})`,
    (s) => {
      const points = evidencePoints(s.trustEvidence, s.events ?? []);
      const magnitude = points.reduce((a, b) => a + Math.abs(b), 0);
      return magnitude === 0 ? 0 : points.reduce((a, b) => a + b, 0) / (magnitude + NORMALISATION_K);
    },
  ],
  [
    'Goldstein mean of events (words ignored)',
    (s) => {
      const events = s.events ?? [];
      return events.length === 0 ? 0 : mean(events.map((e) => e.effective)) / 10;
    },
  ],
  [
    'net volume: (coop − conflict) / all evidence',
    (s) => {
      const points = evidencePoints(s.trustEvidence, s.events ?? []).filter((p) => p !== 0);
      return points.length === 0 ? 0 : points.reduce((n, p) => n + Math.sign(p), 0) / points.length;
    },
  ],
];

/** Article points of a set of pair-sentences under one sentence score: the mean of each article's sentences per pair and month. */
export function articlePoints(sentences: readonly PairSentence[], score: (s: PairSentence) => number): ArticlePoint[] {
  const groups = new Map<string, number[]>();
  for (const s of sentences) {
    const key = `${s.pair}\t${s.date.slice(0, 7)}\t${s.docId}`;
    const group = groups.get(key);
    if (group) group.push(score(s));
    else groups.set(key, [score(s)]);
  }
  return [...groups.entries()].map(([key, scores]) => {
    const [pair = '', month = ''] = key.split('\t');
    return { pair, month, score: mean(scores) };
  });
}
