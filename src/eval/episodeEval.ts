import { mean } from 'simple-statistics';
import { NORMALISATION_K } from '../score/scoreSentence.js';
import { evidencePoints, pairTrust } from '../score/intensity.js';
import { readTsv } from '../util/tsv.js';
import type { PairSentence } from '../types/evidence.js';

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

/** A pair's monthly means: month → [sum, articles]. */
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

function monthsBefore(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - (i + 1);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export interface EpisodeResult {
  episode: Episode;
  /** Mean article score ×100 in the month and over the six months before (pooled); null without articles. */
  month: number | null;
  before: number | null;
  change: number | null;
  articles: number;
  /** Share of the pair's months (with articles) whose mean is at or below this month's. */
  rank: number | null;
  right: boolean;
}

/** The change of a pair's index in an episode's month from the six months before, and whether it went the documented way. */
export function checkEpisode(series: MonthlySeries, episode: Episode): EpisodeResult {
  const months = series.get(episode.pair) ?? new Map<string, [number, number]>();
  const cell = months.get(episode.month);
  const pooled = monthsBefore(episode.month, 6).map((m) => months.get(m)).filter((c): c is [number, number] => c !== undefined);
  const beforeArticles = pooled.reduce((n, c) => n + c[1], 0);
  const month = cell ? (100 * cell[0]) / cell[1] : null;
  const before = beforeArticles > 0 ? (100 * pooled.reduce((s, c) => s + c[0], 0)) / beforeArticles : null;
  const change = month !== null && before !== null ? month - before : null;
  const means = [...months.values()].map((c) => c[0] / c[1]);
  const rank = cell ? means.filter((v) => v <= cell[0] / cell[1]).length / means.length : null;
  const right = change !== null && (episode.direction === 'down' ? change < 0 : change > 0);
  return { episode, month, before, change, articles: cell?.[1] ?? 0, rank, right };
}

/**
 * Ways a sentence's evidence could reach the index, compared in `npm run eval`
 * on the same pair-sentences: the one the pipeline uses (`linear`, see
 * score/intensity.ts) and the alternatives it was chosen over.
 */
export const INTENSITY_METHODS: ReadonlyArray<[string, (s: PairSentence) => number]> = [
  ['linear Σ/5 (used)', (s) => pairTrust(s.trustEvidence, s.events ?? [])],
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
