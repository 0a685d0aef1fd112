import { describe, expect, it } from 'vitest';
import { indexCsv } from '../src/render/indexTables.js';
import { boldEvidence, escapeMarkdown, safeLink } from '../src/render/markdown.js';
import { renderReport } from '../src/render/report.js';
import type { PairSentence } from '../src/types.js';

const names = new Map([['CN', 'China'], ['PK', 'Pakistan']]);

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
});

describe('boldEvidence', () => {
  it('bolds the matched spans and escapes the rest', () => {
    expect(boldEvidence('deep mistrust | grows', [{ start: 5, end: 13 }])).toBe('deep **mistrust** \\| grows');
  });
});

describe('indexCsv', () => {
  it('writes the documented columns, empty cells for missing intervals', () => {
    const csv = indexCsv(
      [{ pair: 'CN-PK', month: '2024-11', articles: 1, sentences: 2, trust: -0.35, tone: -0.1, index: -35, ciLow: null, ciHigh: null }],
      names,
    );
    expect(csv).toBe('pair,pair_name,month,articles,sentences,index,ci_low,ci_high,trust,tone\nCN-PK,China – Pakistan,2024-11,1,2,-35,,,-0.3500,-0.1000\n');
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
      counts: { inputs: 1, documents: 1, scored: 1, noPair: 0, skipped: 0, skippedByReason: {}, sentences: 1, pairSentences: 1, boilerplateParagraphs: 0, nonEnglishSentences: 0 },
      index: [{ pair: 'CN-PK', month: '2024-11', articles: 5, sentences: 5, trust: -0.6, tone: 0, index: -60, ciLow: -70, ciHigh: -50 }],
      extremes: new Map([['CN-PK 2024-11', { negative: [hostile], positive: [] }]]),
      names,
      charts: new Map([['CN-PK', 'charts/index-CN-PK.png']]),
      meta: { tool: 'trust-index', version: '0.0.0', lexicons: {}, options: {} },
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
