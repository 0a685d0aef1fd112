import { describe, expect, it } from 'vitest';
import { articleScores } from '../src/aggregate/articleScores.js';
import { FIRST_ROUND, PERMUTATIONS, changePValue } from '../src/aggregate/changeTest.js';
import { meanInterval, studentTQuantile } from '../src/aggregate/meanInterval.js';
import { DEFAULT_INDEX_OPTIONS, pairPeriodIndex } from '../src/aggregate/pairPeriodIndex.js';
import { parallelPairPeriodIndex } from '../src/aggregate/parallelPairPeriodIndex.js';
import { periodOf, periodRange, periodStart } from '../src/aggregate/periods.js';
import { shrinkToLongRunMean } from '../src/aggregate/shrinkage.js';
import { cellSeed, seededRandom } from '../src/aggregate/random.js';
import type { ArticlePairScore } from '../src/types/pairIndex.js';
import type { PairSentence } from '../src/types/evidence.js';

function sentence(docId: string, trust: number, index = 0): PairSentence {
  return {
    docId, date: '2024-11-02', pair: 'CN-PK', sentenceIndex: index, text: '', trust, tone: 0, trustEvidence: [], toneEvidence: [],
  };
}

describe('seededRandom', () => {
  it('reproduces the mulberry32 reference sequence', () => {
    // First outputs of the published mulberry32 for seed 1 (as in the reference C implementation).
    const random = seededRandom(1);
    expect(random()).toBeCloseTo(0.6270739405881613, 12);
    expect(random()).toBeCloseTo(0.002735721180215478, 12);
  });
  it('gives each cell its own seed', () => {
    expect(cellSeed(1, 'CN-PK 2024-11')).not.toBe(cellSeed(1, 'CN-PK 2024-12'));
    expect(cellSeed(1, 'CN-PK 2024-11')).toBe(cellSeed(1, 'CN-PK 2024-11'));
  });
});

describe('meanInterval', () => {
  it('takes Student t quantiles from the distribution itself', () => {
    // Two-sided 95% points of the t table: df 1, 4, 19 and a large df near the normal 1.96.
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(12.706, 3);
    expect(studentTQuantile(0.95, 4)).toBeCloseTo(2.776, 3);
    expect(studentTQuantile(0.95, 19)).toBeCloseTo(2.093, 3);
    expect(studentTQuantile(0.95, 1000)).toBeCloseTo(1.962, 3);
  });

  it('is wide from two articles, not their range', () => {
    // The case, −43.3 and −42.2: x̄ = −0.4275, s = 0.011/√2, s/√2 = 0.0055, t(1) = 12.706 → ±0.0699.
    const [low, high] = meanInterval([-0.433, -0.422]) ?? [0, 0];
    expect(low).toBeCloseTo(-0.4974, 4);
    expect(high).toBeCloseTo(-0.3576, 4);
  });

  it('gives none from one article or from articles that all score the same, and stays on the scale', () => {
    expect(meanInterval([0.3])).toBeNull();
    expect(meanInterval([0.2, 0.2, 0.2])).toBeNull();
    expect(meanInterval([0.95, 1])).toEqual([expect.any(Number), 1]);
  });

  it.each([2, 5, 20])('covers the true mean about 95%% of the time from %i articles', (n) => {
    // Scores like articles': 30% match nothing (exactly 0), the rest spread over −0.9…+0.5, so the true
    // mean is 0.7 × −0.2 = −0.14 and the data are skewed. Measured: 0.938, 0.914, 0.946 (a percentile bootstrap
    // of 1,000 resamples covered about 0.48, 0.82 and 0.92 on the same kind of data).
    const random = seededRandom(2024 + n);
    const draw = () => (random() < 0.3 ? 0 : -0.9 + 1.4 * random());
    const trials = 3000;
    let given = 0;
    let covered = 0;
    for (let t = 0; t < trials; t += 1) {
      const interval = meanInterval(Array.from({ length: n }, draw));
      if (!interval) continue;
      given += 1;
      if (interval[0] <= -0.14 && -0.14 <= interval[1]) covered += 1;
    }
    // No interval only when every article scored 0: 0.3² = 9% of pairs of articles.
    expect(given / trials).toBeGreaterThan(n === 2 ? 0.88 : 0.99);
    expect(covered / given).toBeGreaterThan(0.9);
    expect(covered / given).toBeLessThan(0.99);
  });
});

function evidence(entry: string, dimension: string, effective: number) {
  return { entry, surface: entry, start: 0, end: 1, weight: effective, effective, dimension, rules: [] };
}

function article(docId: string, date: string, trust: number, pair = 'CN-PK'): ArticlePairScore {
  return { docId, pair, direction: 'both', date, trust, tone: 0, sentences: 1, dimensions: { general: trust }, entries: [{ entry: 'x', dimension: 'general', contribution: trust }] };
}

describe('parallelPairPeriodIndex', () => {
  it('gives pairPeriodIndex’s result to the digit, however many workers share the series', async () => {
    const random = seededRandom(42);
    const pairs = ['CN-PK', 'CA-IN', 'CN-US', 'JP-KR', 'IR-SA'];
    const scores = Array.from({ length: 900 }, (_, i) => {
      const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
      const score = article(`d${i}`, `2024-${month}-15`, Math.round((random() * 2 - 1) * 1000) / 1000, pairs[i % (i % 7 === 0 ? 2 : 5)]);
      return i % 3 === 0 ? { ...score, direction: score.pair.replace('-', '>') } : score;
    });
    const serial = pairPeriodIndex(scores);
    for (const jobs of [2, 3, 8]) expect(await parallelPairPeriodIndex(scores, DEFAULT_INDEX_OPTIONS, jobs, 0)).toEqual(serial);
    expect(serial.pairs.length).toBeGreaterThan(5);
  });
});

describe('articleScores', () => {
  it('averages an article’s sentences per pair', () => {
    const [score] = articleScores([sentence('a', -0.5, 0), sentence('a', 0.1, 1)]);
    expect(score).toMatchObject({ docId: 'a', pair: 'CN-PK', date: '2024-11-02', sentences: 2 });
    expect(score?.trust).toBeCloseTo(-0.2, 12);
  });

  it('splits the score into entries and dimensions that add up to it', () => {
    const s = sentence('a', 0, 0);
    s.trustEvidence = [evidence('trust deficit', 'general', -3), evidence('sanctions', 'economic', -3), evidence('talks', 'diplomatic', 1)];
    s.trust = -1; // (−3 − 3 + 1) / FULL_SCALE 5
    const [score] = articleScores([s]);
    expect(score?.dimensions).toEqual({ general: -0.6, economic: -0.6, diplomatic: 0.2 });
    const total = (score?.entries ?? []).reduce((n, e) => n + e.contribution, 0);
    expect(total).toBeCloseTo(score?.trust ?? 0, 12);
    expect(score?.entries.map((e) => e.entry)).toEqual(['sanctions', 'talks', 'trust deficit']);
  });
  it('scales the shares down together when the sentence is clamped at −1', () => {
    const s = sentence('a', 0, 0);
    s.trustEvidence = [evidence('invasion', 'security', -6), evidence('sanctions', 'economic', -3), evidence('talks', 'diplomatic', 1)];
    s.trust = -1; // −8 points, clamped to −5: each share × 5/8
    const [score] = articleScores([s]);
    expect(score?.dimensions).toEqual({ security: -0.75, economic: -0.375, diplomatic: 0.125 });
    expect((score?.entries ?? []).reduce((n, e) => n + e.contribution, 0)).toBeCloseTo(-1, 12);
  });
});

describe('pairPeriodIndex', () => {
  it('weights each article once: one long article does not outvote ten short ones', () => {
    const long = articleScores(Array.from({ length: 10 }, (_, i) => sentence('long', -1, i)));
    const short = Array.from({ length: 10 }, (_, i) => articleScores([sentence(`short-${i}`, 1)])).flat();
    const [cell] = pairPeriodIndex([...long, ...short]).index;
    expect(cell?.articles).toBe(11);
    expect(cell?.sentences).toBe(20);
    expect(cell?.trust).toBeCloseTo(9 / 11, 12);
    // The series' only period is its typical coverage: the index shows half the mean, 100 × 9 / (11 + 11).
    expect(cell?.coverageWeight).toBe(0.5);
    expect(cell?.index).toBe(40.9);
  });

  it('does not depend on the order of its input', () => {
    const scores = [0.1, -0.3, 0.5, 0.2, 0.4, -0.6].map((t, i) => article(`d${i}`, i < 3 ? '2020-06-01' : '2020-08-09', t));
    expect(pairPeriodIndex(scores)).toEqual(pairPeriodIndex([...scores].reverse()));
  });

  it('sorts by pair then period and gives no interval to a lone article', () => {
    const { index } = pairPeriodIndex([article('x', '2019-07-01', 0.25, 'JP-KR'), article('y', '2024-11-03', 0.25), article('z', '2024-10-03', 0.25)]);
    expect(index.map((c) => `${c.pair} ${c.period}`)).toEqual(['CN-PK 2024-10', 'CN-PK 2024-11', 'JP-KR 2019-07']);
    expect(index[0]).toMatchObject({ index: 12.5, coverageWeight: 0.5, ciLow: null, ciHigh: null, lowCoverage: true });
  });

  it('flags a significant change only with enough articles on both sides', () => {
    const before = [0.5, 0.6, 0.4, 0.55, 0.45].map((t, i) => article(`a${i}`, '2024-09-10', t));
    const after = [-0.5, -0.6, -0.4, -0.55, -0.45].map((t, i) => article(`b${i}`, '2024-11-10', t));
    const [, cell] = pairPeriodIndex([...before, ...after]).index;
    // Five articles a month, the typical coverage: each month shows half its mean (+25, then −25).
    expect(cell).toMatchObject({ period: '2024-11', previousPeriod: '2024-09', delta: -50, significant: true, lowCoverage: false });
    expect(cell?.pChange).toBeLessThan(0.02);
    const thin = pairPeriodIndex([...before, ...after.slice(0, 4)], { ...DEFAULT_INDEX_OPTIONS, minArticles: 5 }).index[1];
    expect(thin?.significant).toBe(false);
    expect(thin?.pChange).toBeLessThan(0.05);
  });

  it('keeps a steady stretch not significant', () => {
    const a = [0.5, 0.6, 0.4, 0.55, 0.45].map((t, i) => article(`a${i}`, '2024-09-10', t));
    const b = [0.45, 0.6, 0.5, 0.4, 0.55].map((t, i) => article(`b${i}`, '2024-10-10', t));
    expect(pairPeriodIndex([...a, ...b]).index[1]?.significant).toBe(false);
  });

  it('computes the rolling mean over calendar periods and the linear trend', () => {
    const cells = ['2024-01-05', '2024-02-05', '2024-04-05'].map((d, i) => article(`d${i}`, d, [0.1, 0.3, 0.5][i] as number));
    const { index, pairs } = pairPeriodIndex(cells);
    // April's window is February to April: January is three months back and drops out.
    // One article a month, the typical coverage: indices 5, 15, 25.
    expect(index.map((c) => c.rolling3)).toEqual([5, 10, 20]);
    // Points (0, 5), (1, 15), (3, 25): Sxy = 30, Sxx = 14/3, so the least-squares slope is 45/7 per month.
    expect(pairs[0]?.trendSlope).toBeCloseTo(45 / 7, 2);
  });

  it('splits the index by dimension and names the entries that moved it', () => {
    const a = { ...article('a', '2024-11-01', -0.6), dimensions: { economic: -0.4, general: -0.2 }, entries: [
      { entry: 'sanctions', dimension: 'economic', contribution: -0.4 }, { entry: 'mistrust', dimension: 'general', contribution: -0.2 }] };
    const b = { ...article('b', '2024-11-02', 0.2), dimensions: { diplomatic: 0.2 }, entries: [{ entry: 'talks', dimension: 'diplomatic', contribution: 0.2 }] };
    const [cell] = pairPeriodIndex([a, b]).index;
    // Σ = −0.4 over n + n̄ = 2 + 2: the parts add up to the index.
    expect(cell?.index).toBe(-10);
    expect(cell?.dimensions).toEqual({ diplomatic: 5, economic: -10, general: -5 });
    expect(cell?.topEntries.map((e) => [e.entry, e.contribution])).toEqual([['sanctions', -10], ['mistrust', -5], ['talks', 5]]);
  });

  it('reads a month of much conflict below a month of a little sharper conflict', () => {
    // Two articles at −0.8, then twenty at −0.5: n̄ = 11, so −1.6 / 13 and −10 / 31.
    const scores = [
      ...[0, 1].map((i) => article(`a${i}`, '2014-02-10', -0.8)),
      ...Array.from({ length: 20 }, (_, i) => article(`b${i}`, '2014-03-10', -0.5)),
    ];
    const { index } = pairPeriodIndex(scores);
    expect(index.map((c) => c.index)).toEqual([-12.3, -32.3]);
    expect(index.map((c) => c.coverageWeight)).toEqual([0.1538, 0.6452]);
  });
});

describe('shrinkToLongRunMean', () => {
  it('matches the empirical-Bayes formula on a tiny case', () => {
    // μ = 0.5 / 5 = 0.1; period means 0.6, −0.4, 0.1; σ² = 0.04 / (5 − 3) = 0.02;
    // Σ n(x̄ − μ)² = 2·0.25 + 2·0.25 + 0 = 1; N − Σn²/N = 5 − 9/5 = 3.2;
    // τ² = (1 − 2·0.02) / 3.2 = 0.3; B₁ = 0.01 / 0.31 = 0.032258 → 0.1 + 0.967742 × 0.5 = 0.583871.
    const [a, b, c] = shrinkToLongRunMean([[0.5, 0.7], [-0.5, -0.3], [0.1]]);
    expect(a).toBeCloseTo(0.583871, 5);
    expect(b).toBeCloseTo(-0.383871, 5);
    expect(c).toBeCloseTo(0.1, 12);
  });

  it('keeps well-covered periods apart when a thin period sits beside them', () => {
    // Two months of 16 articles and one of 1, as a wire service covers a pair:
    //   P1: eight 0.7 and eight −0.3 → x̄ = 0.2, Σ(x − x̄)² = 16 · 0.25 = 4
    //   P2: eight 0.3 and eight −0.7 → x̄ = −0.2, Σ(x − x̄)² = 4
    //   P3: one 0 → x̄ = 0
    // N = 33, μ = (3.2 − 3.2 + 0) / 33 = 0, σ² = 8 / (33 − 3) = 0.266667.
    // The unweighted estimate Var(x̄) − mean(σ²/n) = 0.04 − 0.266667 · (1/16 + 1/16 + 1) / 3 = 0.04 − 0.1 < 0
    // made τ² = 0 and every month 0 (the bug). Weighted by articles:
    //   Σ n(x̄ − μ)² = 16 · 0.04 · 2 = 1.28; (k − 1)σ² = 0.533333; N − Σn²/N = 33 − 513/33 = 17.454545;
    //   τ² = (1.28 − 0.533333) / 17.454545 = 0.042778;
    //   P1: σ²/n = 0.016667, B = 0.016667 / 0.059444 = 0.280374, shrunk = 0.719626 · 0.2 = 0.143925;
    //   P3: σ²/n = 0.266667, B = 0.861759, shrunk = μ + 0.138241 · 0 = 0.
    const p1 = [...Array<number>(8).fill(0.7), ...Array<number>(8).fill(-0.3)];
    const p2 = [...Array<number>(8).fill(0.3), ...Array<number>(8).fill(-0.7)];
    const [a, b, c] = shrinkToLongRunMean([p1, p2, [0]]);
    expect(a).toBeCloseTo(0.143925, 5);
    expect(b).toBeCloseTo(-0.143925, 5);
    expect(c).toBeCloseTo(0, 12);
  });

  it('gives each period of a series its own shrunk value in the index', () => {
    // The same three months through pairPeriodIndex: 14.4, −14.4 and 0, times the coverage weights
    // 16/27, 16/27 and 1/12 (n̄ = 11).
    const scores = [
      ...[...Array<number>(8).fill(0.7), ...Array<number>(8).fill(-0.3)].map((t, i) => article(`a${i}`, '2024-01-10', t)),
      ...[...Array<number>(8).fill(0.3), ...Array<number>(8).fill(-0.7)].map((t, i) => article(`b${i}`, '2024-02-10', t)),
      article('c', '2024-03-10', 0),
    ];
    expect(pairPeriodIndex(scores).index.map((c) => c.indexShrunk)).toEqual([8.5, -8.5, 0]);
  });

  it('pulls everything to the mean when periods differ no more than noise explains', () => {
    const shrunk = shrinkToLongRunMean([[0.1, 0.5], [0.2, 0.4]]);
    expect(shrunk[0]).toBeCloseTo(0.3, 12);
    expect(shrunk[1]).toBeCloseTo(0.3, 12);
  });
});

describe('changePValue', () => {
  it('reproduces the exact permutation p-value of a textbook example', () => {
    // simple-statistics' documented example; the exact two-sided p is computed
    // here independently by enumerating all C(14, 7) = 3432 relabellings.
    const control = [2, 5, 3, 6, 7, 2, 5];
    const treatment = [20, 5, 13, 12, 7, 2, 2];
    const pooled = [...control, ...treatment];
    const mean7 = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const observed = Math.abs(mean7(control) - mean7(treatment));
    let extreme = 0;
    let total = 0;
    const choose = (start: number, picked: number[]) => {
      if (picked.length === 7) {
        const left = picked.map((i) => pooled[i] as number);
        const right = pooled.filter((_, i) => !picked.includes(i));
        total += 1;
        if (Math.abs(mean7(left) - mean7(right)) >= observed - 1e-12) extreme += 1;
        return;
      }
      for (let i = start; i < pooled.length; i += 1) choose(i + 1, [...picked, i]);
    };
    choose(0, []);
    expect(total).toBe(3432);
    const exact = extreme / total;
    expect(changePValue(control, treatment, seededRandom(5))).toBeCloseTo(exact, 1);
    expect(Math.abs((changePValue(control, treatment, seededRandom(5)) ?? 0) - exact)).toBeLessThan(0.015);
  });

  it('is never zero: (k + 1) / (n + 1) when no permutation is as extreme', () => {
    // Ten articles at +0.5 against ten at −0.5: of C(20, 10) = 184,756 labellings only the two splits
    // that keep the groups apart are as extreme, so k = 0 of the permutations drawn.
    const p = changePValue(Array<number>(10).fill(0.5), Array<number>(10).fill(-0.5), seededRandom(3));
    expect(p).toBe(1 / (PERMUTATIONS + 1));
    expect(FIRST_ROUND).toBeLessThan(PERMUTATIONS);
  });

  it('needs two articles on each side', () => {
    expect(changePValue([0.1], [0.2, 0.3], seededRandom(1))).toBeNull();
  });
});

describe('periods', () => {
  it.each([
    ['2024-11-28', 'week', '2024-W48'],
    ['2021-01-01', 'week', '2020-W53'],
    ['2024-12-30', 'week', '2025-W01'],
    ['2016-01-03', 'week', '2015-W53'],
    ['2024-11-28', 'month', '2024-11'],
    ['2024-11-28', 'quarter', '2024-Q4'],
  ] as const)('%s by %s is %s', (day, kind, label) => {
    expect(periodOf(day, kind)).toBe(label);
  });

  it('lists every period of a range, across year ends', () => {
    expect(periodRange('2023-11', '2024-02', 'month')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(periodRange('2020-W52', '2021-W02', 'week')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(periodRange('2023-Q3', '2024-Q2', 'quarter')).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    expect(periodStart('2020-W53', 'week')).toBe('2020-12-28');
  });
});
