import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_OPTIONS } from '../src/aggregate/pairPeriodIndex.js';
import { contributionsCsv, indexCsv } from '../src/output/indexTables.js';
import { boldEvidence, escapeMarkdown, safeLink } from '../src/render/markdown.js';
import { renderReport } from '../src/render/report.js';
import type { PairPeriodIndex } from '../src/types/pairIndex.js';
import type { PairSentence } from '../src/types/evidence.js';

const names = new Map([['CN', 'China'], ['PK', 'Pakistan']]);

function cell(overrides: Partial<PairPeriodIndex>): PairPeriodIndex {
  return {
    pair: 'CN-PK', direction: 'both', period: '2024-11', month: '2024-11', articles: 1, sentences: 2, sources: 1, trust: -0.35, tone: -0.1,
    index: -35, ciLow: null, ciHigh: null, lowCoverage: true, indexShrunk: -20, previousPeriod: null, delta: null,
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
      'pair,pair_name,direction,month,period,articles,sentences,sources,index,ci_low,ci_high,index_shrunk,low_coverage,' +
        'previous_period,delta,p_change,significant,rolling3,trust,tone,dim_diplomatic,dim_security,dim_economic,' +
        'dim_technology,dim_people,dim_general',
    );
    expect(row).toBe('CN-PK,China – Pakistan,both,2024-11,2024-11,1,2,1,-35,,,-20,true,,,,false,-35,-0.3500,-0.1000,0,0,0,0,0,-35');
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
        sentences: 1, pairSentences: 1, boilerplateParagraphs: 0, nonEnglishSentences: 0,
      },
      index: [cell({ articles: 5, sentences: 5, trust: -0.6, index: -60, ciLow: -70, ciHigh: -50, lowCoverage: false })],
      pairs: [{ pair: 'CN-PK', direction: 'both', articles: 5, periods: 1, mean: -60, trendSlope: null }],
      options: DEFAULT_INDEX_OPTIONS,
      report: { top: 20 },
      extremes: new Map([['CN-PK 2024-11', { negative: [hostile], positive: [] }]]),
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
  });
});
