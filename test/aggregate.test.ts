import { describe, expect, it } from 'vitest';
import { articleScores } from '../src/aggregate/articleScores.js';
import { bootstrapInterval } from '../src/aggregate/bootstrapInterval.js';
import { monthRange } from '../src/aggregate/months.js';
import { pairMonthIndex } from '../src/aggregate/pairMonthIndex.js';
import { cellSeed, seededRandom } from '../src/aggregate/random.js';
import type { ArticlePairScore, PairSentence } from '../src/types.js';

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

describe('bootstrapInterval', () => {
  it('is null below two values', () => {
    expect(bootstrapInterval([0.3], seededRandom(1))).toBeNull();
  });
  it('collapses on a constant sample', () => {
    const [low, high] = bootstrapInterval([0.2, 0.2, 0.2], seededRandom(1)) ?? [];
    expect(low).toBeCloseTo(0.2, 12);
    expect(high).toBeCloseTo(0.2, 12);
  });
  it('matches the exact bootstrap distribution of a two-point sample', () => {
    // Resampling [0, 1] twice gives means 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4,
    // so the 2.5% and 97.5% quantiles of the bootstrap distribution are exactly 0 and 1.
    expect(bootstrapInterval([0, 1], seededRandom(7), 4000)).toEqual([0, 1]);
  });
  it('is close to the normal-theory interval on a larger sample', () => {
    // 40 values 0..39 / 39: mean 0.5, sd of the mean = sd/√n ≈ 0.0468; ±1.96 sd ≈ [0.408, 0.592].
    const values = Array.from({ length: 40 }, (_, i) => i / 39);
    const [low, high] = bootstrapInterval(values, seededRandom(3), 4000) ?? [0, 0];
    expect(low).toBeGreaterThan(0.39);
    expect(low).toBeLessThan(0.43);
    expect(high).toBeGreaterThan(0.57);
    expect(high).toBeLessThan(0.61);
  });
  it('is the same for the same seed', () => {
    const values = [0.1, -0.4, 0.3, 0.2];
    expect(bootstrapInterval(values, seededRandom(9))).toEqual(bootstrapInterval(values, seededRandom(9)));
  });
});

describe('articleScores', () => {
  it('averages an article’s sentences per pair', () => {
    const [score] = articleScores([sentence('a', -0.5, 0), sentence('a', 0.1, 1)]);
    expect(score).toMatchObject({ docId: 'a', pair: 'CN-PK', month: '2024-11', sentences: 2 });
    expect(score?.trust).toBeCloseTo(-0.2, 12);
  });
});

describe('pairMonthIndex', () => {
  it('weights each article once: one long article does not outvote ten short ones', () => {
    const long = articleScores(Array.from({ length: 10 }, (_, i) => sentence('long', -1, i)));
    const short = Array.from({ length: 10 }, (_, i) => articleScores([sentence(`short-${i}`, 1)])).flat();
    const [cell] = pairMonthIndex([...long, ...short]);
    expect(cell?.articles).toBe(11);
    expect(cell?.sentences).toBe(20);
    expect(cell?.trust).toBeCloseTo(9 / 11, 12);
    expect(cell?.index).toBe(81.8);
  });

  it('does not depend on the order of its input', () => {
    const scores: ArticlePairScore[] = [0.1, -0.3, 0.5, 0.2].map((trust, i) => ({
      docId: `d${i}`, pair: 'IN-CN', month: '2020-06', trust, tone: 0, sentences: 1,
    }));
    expect(pairMonthIndex(scores)).toEqual(pairMonthIndex([...scores].reverse()));
  });

  it('sorts by pair then month and gives no interval to a lone article', () => {
    const one = (pair: string, month: string): ArticlePairScore => ({ docId: 'x', pair, month, trust: 0.25, tone: 0, sentences: 1 });
    const cells = pairMonthIndex([one('JP-KR', '2019-07'), one('CN-PK', '2024-11'), one('CN-PK', '2024-10')]);
    expect(cells.map((c) => `${c.pair} ${c.month}`)).toEqual(['CN-PK 2024-10', 'CN-PK 2024-11', 'JP-KR 2019-07']);
    expect(cells[0]).toMatchObject({ index: 25, ciLow: null, ciHigh: null });
  });
});

describe('monthRange', () => {
  it('crosses year ends', () => {
    expect(monthRange('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthRange('2024-05', '2024-05')).toEqual(['2024-05']);
  });
});
