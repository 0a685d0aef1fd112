import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_OPTIONS } from '../src/aggregate/pairPeriodIndex.js';
import { contributionsCsv, indexCsv } from '../src/output/indexTables.js';
import { boldEvidence, escapeMarkdown, safeLink } from '../src/render/markdown.js';
import { renderReport } from '../src/render/report.js';
import { pValue } from '../src/render/format.js';
import { emptyCounts } from '../src/aggregate/runAggregator.js';
import { periodRange } from '../src/aggregate/periods.js';
import { GRID_COLOUR, MAX_TIME_LABELS, periodAxisOptions, roundMaximum } from '../src/render/periodAxis.js';
import { pairIndexChartConfig } from '../src/render/pairChart.js';
import { dimensionChartConfig } from '../src/render/dimensionChart.js';
import { CELL_BORDERS, overviewKey } from '../src/render/overviewChart.js';
import type { PairPeriodIndex } from '../src/types/pairIndex.js';
import type { PairSentence } from '../src/types/evidence.js';

const names = new Map([['CN', 'China'], ['PK', 'Pakistan']]);

function cell(overrides: Partial<PairPeriodIndex>): PairPeriodIndex {
  return {
    pair: 'CN-PK', direction: 'both', period: '2024-11', month: '2024-11', articles: 1, sentences: 2, sources: 1, trust: -0.35, tone: -0.1,
    index: -35, coverageWeight: 1, ciLow: null, ciHigh: null, lowCoverage: true, indexShrunk: -20, previousPeriod: null, delta: null,
    pChange: null, significant: false, rolling3: -35, dimensions: { general: -35 },
    topEntries: [{ entry: 'mistrust', dimension: 'general', contribution: -35 }], ...overrides,
  };
}

describe('escapeMarkdown', () => {
  it('neutralises table pipes, tags, code and links', () => {
    expect(escapeMarkdown('a|b <script>x</script> `code` [l](u)')).toBe(
      'a\\|b \\<script\\>x\\</script\\> \\`code\\` \\[l\\]\\(u\\)',
    );
  });
});

describe('safeLink', () => {
  it('links http(s) only', () => {
    expect(safeLink('S', 'https://example.org/a b')).toBe('[S](https://example.org/a%20b)');
    expect(safeLink('S', 'javascript:alert(1)')).toBe('S');
    expect(safeLink('S', 'data:text/html,x')).toBe('S');
    expect(safeLink('S', 'not a url')).toBe('S');
  });

  it('keeps a URL with ")" inside its link: no second link or remote image can be added', () => {
    const link = safeLink('S', 'http://evil/)![x](http://evil/)');
    expect(link).toBe('[S](http://evil/%29!%5Bx%5D%28http://evil/%29)');
    // One opening and one closing parenthesis: the link's own.
    expect(link.match(/[()]/g)).toEqual(['(', ')']);
  });
});

describe('boldEvidence', () => {
  it('bolds the matched spans and escapes the rest', () => {
    expect(boldEvidence('deep mistrust | grows', [{ start: 5, end: 13 }])).toBe('deep **mistrust** \\| grows');
  });
});

describe('indexCsv', () => {
  it('writes the documented columns, empty cells where a value does not exist', () => {
    const [header, row] = indexCsv([cell({})], names).trim().split('\n');
    expect(header).toBe(
      'pair,pair_name,period,period_start,articles,sentences,sources,trust_index,ci_low,ci_high,coverage_weight,trust_index_shrunk,low_coverage,' +
        'previous_period,delta,p_change,significant,rolling3,trust,tone,dim_diplomatic,dim_security,dim_economic,' +
        'dim_technology,dim_people,dim_general',
    );
    expect(row).toBe('CN-PK,China – Pakistan,2024-11,2024-11-01,1,2,1,-35,,,1,-20,true,,,,false,-35,-0.3500,-0.1000,0,0,0,0,0,-35');
  });

  it('keeps undirected pairs and directed dyads in tables of their own, so a group-by counts a sentence once', () => {
    const both = cell({ period: '2024-W48', month: '2024-11' });
    const directed = cell({ direction: 'CN>PK', period: '2024-W48', month: '2024-11', index: -50 });
    const undirectedRows = indexCsv([both, directed], names).trim().split('\n');
    expect(undirectedRows).toHaveLength(2);
    expect(undirectedRows[1]).toMatch(/^CN-PK,China – Pakistan,2024-W48,2024-11-25,1,2,1,-35,/);
    const [header, row, ...rest] = indexCsv([both, directed], names, 'directed').trim().split('\n');
    expect(header).toMatch(/^pair,pair_name,direction,actor,target,period,period_start,articles,sentences,sources,trust_index,/);
    expect(row).toMatch(/^CN-PK,China – Pakistan,CN>PK,CN,PK,2024-W48,2024-11-25,1,2,1,-50,/);
    expect(rest).toEqual([]);
  });

  it('lists the entries that moved each period in a tidy table', () => {
    expect(contributionsCsv([cell({})])).toBe(
      'pair,direction,period,rank,entry,dimension,contribution\nCN-PK,both,2024-11,1,mistrust,general,-35\n',
    );
  });
});

describe('renderReport', () => {
  it('neutralises hostile input text and URLs', () => {
    const text = 'China | Pakistan <img src=x onerror=alert(1)> `rm -rf` [click](javascript:alert(1)) distrust';
    const start = text.indexOf('distrust');
    const hostile: PairSentence = {
      docId: 'x|y',
      date: '2024-11-02',
      pair: 'CN-PK',
      sentenceIndex: 0,
      text,
      trust: -0.6,
      tone: 0,
      trustEvidence: [{ entry: 'distrust', surface: 'distrust', start, end: start + 8, weight: -3, effective: -3, dimension: 'general', rules: [] }],
      toneEvidence: [],
      source: 'Evil <b>Source</b>',
      url: 'javascript:alert(document.cookie)',
    };
    const report = renderReport({
      counts: {
        inputs: 1, documents: 1, scored: 1, noPair: 0, skipped: 0, skippedByReason: {}, duplicates: 0, duplicatesByKind: {},
        sentences: 1, pairSentences: 1, boilerplateParagraphs: 0, otherLanguageSentences: 0,
      },
      index: [cell({ articles: 5, sentences: 5, trust: -0.6, index: -60, ciLow: -70, ciHigh: -50, lowCoverage: false })],
      pairs: [{ pair: 'CN-PK', direction: 'both', articles: 5, periods: 1, mean: -60, trendSlope: null }],
      options: DEFAULT_INDEX_OPTIONS,
      report: { top: 20 },
      extremes: new Map([['CN-PK 2024-11', { negative: [hostile], positive: [] }]]),
      languages: new Map([['CN-PK', new Map([['en', 3], ['zh', 2]])]]),
      names,
      charts: { overview: null, pairs: new Map([['CN-PK', { index: 'charts/index-CN-PK.png', dimensions: 'charts/dimensions-CN-PK.png', movers: null }]]) },
      meta: { tool: 'trust-index', version: '0.0.0', lexicons: {}, corpus: '0123456789abcdef', options: {} },
    });
    const quoteLine = report.split('\n').find((l) => l.includes('onerror')) ?? '';
    expect(quoteLine).not.toMatch(/(^|[^\\])<img/);
    expect(quoteLine).toContain('\\<img');
    expect(quoteLine).toContain('China \\| Pakistan');
    expect(quoteLine).toContain('\\`rm -rf\\`');
    expect(quoteLine).toContain('**distrust**');
    expect(report).not.toMatch(/\]\(javascript:/);
    expect(report).not.toContain('<b>');
    expect(report).toContain('−60.0 in 2024-11');
    expect(report).toContain('Documents by language: English 3, Chinese 2');
  });

  it('prints p < 0.001 where a permutation test reaches its floor, never p = 0.000', () => {
    const before = cell({ period: '2024-10', month: '2024-10', articles: 8, index: 40, lowCoverage: false });
    const after = cell({
      articles: 8, index: -40, lowCoverage: false, previousPeriod: '2024-10', delta: -80, pChange: 0.0001, significant: true,
    });
    const report = renderReport({
      counts: { ...emptyCounts(), documents: 16, scored: 16 },
      index: [before, after],
      pairs: [{ pair: 'CN-PK', direction: 'both', articles: 16, periods: 2, mean: 0, trendSlope: -80 }],
      options: DEFAULT_INDEX_OPTIONS,
      report: { top: 20 },
      extremes: new Map(),
      languages: new Map(),
      names,
      charts: { overview: null, pairs: new Map() },
      meta: { tool: 'trust-index', version: '0.0.0', lexicons: {}, corpus: '0', options: {} },
    });
    expect(report).toContain('to −40.0 in 2024-11, p < 0.001, 8 articles');
    expect(report).toContain('−80.0 (p < 0.001) **significant**');
    expect(report).not.toContain('p = 0.000');
    expect([pValue(0.0009), pValue(0.001), pValue(0.0415)]).toEqual(['p < 0.001', 'p = 0.001', 'p = 0.042']);
  });
});

describe('chart configuration', () => {
  /** Cells of a pair like IR-SA in the demo: a few months with articles over nine years. */
  const months = ['2015-07', '2016-01', '2019-09', '2021-04', '2023-03', '2023-04', '2024-11'];
  const sparse = months.map((period, i) => cell({ period, month: period, articles: i + 1, index: i * 10 - 30 }));

  type Axis = ReturnType<typeof periodAxisOptions>;
  const labelAt = (axis: Axis, i: number) => axis.ticks.callback(null, i);
  const gridAt = (axis: Axis, i: number) => axis.grid.color({ index: i });

  it('gives every tick with a grid line its label, on the calendar, and no grid line elsewhere', () => {
    for (const [first, last, kind] of [['2015-07', '2024-11', 'month'], ['2023-W40', '2025-W10', 'week'], ['2001-Q1', '2024-Q4', 'quarter'], ['2024-10', '2024-12', 'month']] as const) {
      const periods = periodRange(first, last, kind);
      const axis = periodAxisOptions(periods, kind);
      expect(axis.ticks.autoSkip).toBe(false);
      expect(axis.grid.offset).toBe(false);
      const labelled = periods.flatMap((_, i) => (labelAt(axis, i) !== '' ? [i] : []));
      expect(labelled.length, `${first}…${last}`).toBeGreaterThan(0);
      expect(labelled.length).toBeLessThanOrEqual(MAX_TIME_LABELS);
      periods.forEach((p, i) => {
        const label = labelAt(axis, i);
        // A label names its own period, and a grid line is drawn exactly where there is a label.
        if (label !== '') expect(label).toBe(p);
        expect(gridAt(axis, i) === GRID_COLOUR).toBe(label !== '');
        expect(axis.grid.tickColor({ index: i }) === GRID_COLOUR).toBe(label !== '');
      });
    }
    const nineYears = periodRange('2015-07', '2024-11', 'month');
    const axis = periodAxisOptions(nineYears, 'month');
    expect(nineYears.filter((_, i) => labelAt(axis, i) !== '')).toEqual(
      ['2016-01', '2017-01', '2018-01', '2019-01', '2020-01', '2021-01', '2022-01', '2023-01', '2024-01'],
    );
  });

  it('draws the index chart on that axis, with a round maximum of articles', () => {
    const config = pairIndexChartConfig({ pair: 'IR-SA', title: 'Iran – Saudi Arabia', cells: sparse, period: 'month' });
    const periods = config.data.labels as string[];
    expect(periods).toEqual(periodRange('2015-07', '2024-11', 'month'));
    const x = config.options?.scales?.x as unknown as Axis;
    expect(labelAt(x, periods.indexOf('2016-01'))).toBe('2016-01');
    expect(labelAt(x, periods.indexOf('2016-03'))).toBe('');
    // Seven articles at most, four times that for headroom is 28: the axis ends at 30.
    expect(config.options?.scales?.articles?.max).toBe(30);
    expect([1, 16, 20, 28, 52, 90, 130, 2400].map(roundMaximum)).toEqual([1, 20, 20, 30, 60, 100, 200, 2500]);
  });

  it('shows periods without articles as gaps on the dimension chart, like the index chart', () => {
    const config = dimensionChartConfig('IR-SA', 'Iran – Saudi Arabia', sparse, 'month');
    const periods = config.data.labels as string[];
    expect(periods).toEqual(periodRange('2015-07', '2024-11', 'month'));
    for (const dataset of config.data.datasets) {
      periods.forEach((p, i) => expect(dataset.data[i] === null).toBe(!months.includes(p)));
    }
    expect((config.options?.scales?.x as unknown as Axis).grid.offset).toBe(false);
  });

  it('explains every border the overview draws', () => {
    const key = overviewKey(5);
    for (const border of Object.values(CELL_BORDERS)) {
      expect(key.filter((entry) => entry.border === border)).toHaveLength(1);
    }
    expect(key.map((entry) => entry.text)).toEqual(['no articles', '5 or more articles', 'fewer: low coverage']);
  });
});
