import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { MAX_COUNTRIES_PAIRED, pairsOf } from '../src/actors/pairs.js';
import { defaultGazetteer } from '../src/actors/gazetteer.js';
import { run } from '../src/api/run.js';
import { KeyedLineStore } from '../src/output/keyedLineStore.js';
import { analyzeDocument } from '../src/pipeline/pipeline.js';
import { defaultScorer } from '../src/score/scoreSentence.js';
import { dayInRange, latestDay } from '../src/ingest/dates.js';
import { type IngestLimits, nestsDeeperThan } from '../src/ingest/limits.js';
import { readInputs } from '../src/ingest/readInputs.js';
import type { IngestItem } from '../src/ingest/records.js';
import type { DocumentRecord, SkippedInput } from '../src/types/document.js';
import { jsonl, tempDir } from './helpers.js';

const PAIR_TEXT = 'China and Pakistan signed a deal of friendship and trust.';

function corpus(dir: string, name: string, records: object[]): string {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n'));
  return path;
}

describe('dates outside 1900 … a year from now', () => {
  it('the range is closed at both ends', () => {
    const today = new Date(Date.UTC(2026, 0, 15));
    expect(latestDay(today)).toBe('2027-01-15');
    expect(dayInRange('1900-01-01', today)).toBe(true);
    expect(dayInRange('1899-12-31', today)).toBe(false);
    expect(dayInRange('2027-01-15', today)).toBe(true);
    expect(dayInRange('2027-01-16', today)).toBe(false);
    expect(dayInRange('9999-12-31', today)).toBe(false);
  });

  it('a document dated 9999-12-31 or 1066-10-14 is skipped with a reason, by week too, and the rest is indexed', async () => {
    const dir = tempDir('dates');
    const input = corpus(dir, 'news.jsonl', [
      { id: 'far', date: '9999-12-31', text: PAIR_TEXT },
      { id: 'old', date: '1066-10-14', text: PAIR_TEXT },
      { id: 'ok', date: '2024-01-03', text: PAIR_TEXT },
    ]);
    const out = join(dir, 'out');
    const summary = await run({ inputs: [input], out, defaultDate: null, index: { period: 'week' } });
    expect(summary.counts.scored).toBe(1);
    const skipped = jsonl<SkippedInput>(join(out, 'skipped.jsonl'));
    expect(skipped.map((s) => [s.id, s.reason])).toEqual([['far', 'date-out-of-range'], ['old', 'date-out-of-range']]);
    expect(skipped[0]?.message).toContain('9999-12-31');
    expect(jsonl<DocumentRecord>(join(out, 'documents.jsonl')).find((d) => d.id === 'far')?.reason).toBe('date-out-of-range');
  });
});

describe('a sentence that lists many countries', () => {
  const names = defaultGazetteer().names;
  const countries = [...names.values()].slice(0, 120);

  it('names more than eight: its mentions count, it forms no pairs', () => {
    const text = `Delegates from ${countries.join(', ')} signed the accord on trust and cooperation.`;
    const analysis = analyzeDocument({ id: 'list', date: '2024-01-03', title: '', text, origin: 'test' }, defaultScorer());
    expect(analysis.record.countries.length).toBeGreaterThan(MAX_COUNTRIES_PAIRED * 10);
    expect(analysis.record.pairs).toEqual([]);
    expect(analysis.sentences).toEqual([]);
  });

  it('names eight: every pair among them', () => {
    expect(pairsOf(['CN', 'PK', 'IN', 'US', 'JP', 'KR', 'FR', 'DE'])).toHaveLength(28);
    expect(pairsOf(['CN', 'PK', 'IN', 'US', 'JP', 'KR', 'FR', 'DE', 'GB'])).toEqual([]);
  });
});

describe('inputs past the size and depth limits', () => {
  async function read(paths: string[], limits: Partial<IngestLimits>): Promise<IngestItem[]> {
    const items: IngestItem[] = [];
    for await (const item of readInputs(paths, { defaultDate: '2024-01-03', limits })) items.push(item);
    return items;
  }
  const summary = (items: IngestItem[]) =>
    items.map((i) => (i.kind === 'document' ? `doc ${i.document.id}` : `${i.skipped.reason} ${basename(i.skipped.origin)}`));

  it('a JSONL line over the limit is skipped as it streams, and the next line is read', async () => {
    const dir = tempDir('long-line');
    const long = { id: 'long', text: `China and Pakistan ${'x'.repeat(5000)}` };
    const input = corpus(dir, 'news.jsonl', [{ id: 'a', text: PAIR_TEXT }, long, { id: 'b', text: PAIR_TEXT }]);
    expect(summary(await read([input], { lineChars: 1000 }))).toEqual(['doc a', 'too-large news.jsonl:2', 'doc b']);
  });

  it('a document whose text is over the limit is skipped with its id', async () => {
    const dir = tempDir('big-doc');
    const input = corpus(dir, 'news.jsonl', [{ id: 'big', text: PAIR_TEXT.repeat(100) }, { id: 'ok', text: PAIR_TEXT }]);
    const items = await read([input], { documentChars: 1000 });
    expect(summary(items)).toEqual(['too-large news.jsonl:1', 'doc ok']);
    expect(items[0]?.kind === 'skipped' && items[0].skipped.id).toBe('big');
  });

  it('a gzip bomb stops at the decompressed limit, with what it read before', async () => {
    const dir = tempDir('bomb');
    const path = join(dir, 'bomb.jsonl.gz');
    // A real line, then a megabyte of NULs that compresses to about a kilobyte.
    writeFileSync(path, gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify({ id: 'a', text: PAIR_TEXT })}\n`), Buffer.alloc(1 << 20)])));
    expect(summary(await read([path], { decompressedBytes: 64 * 1024 }))).toEqual(['doc a', 'too-large bomb.jsonl.gz']);
  });

  it('a whole-file input over the limit is skipped before it is parsed', async () => {
    const dir = tempDir('big-file');
    writeFileSync(join(dir, 'page.txt'), PAIR_TEXT.repeat(1000));
    expect(summary(await read([join(dir, 'page.txt')], { fileBytes: 10_000 }))).toEqual(['too-large page.txt']);
  });

  it('a CSV with an unclosed quote does not read the rest of the file into one field', async () => {
    const dir = tempDir('csv-bomb');
    writeFileSync(join(dir, 'news.csv'), `id,date,text\na,2024-01-03,${PAIR_TEXT}\nb,2024-01-03,"${'x, '.repeat(10_000)}\n`);
    const items = await read([join(dir, 'news.csv')], { lineChars: 1000 });
    expect(summary(items).sort()).toEqual(['doc a', 'too-large news.csv:3']);
  });

  it('a CSV header with more columns than the limit fails that file alone', async () => {
    const dir = tempDir('csv-columns');
    const columns = Array.from({ length: 50 }, (_, i) => `c${i}`);
    writeFileSync(join(dir, 'a-wide.csv'), `${columns.join(',')},text\n${columns.map(() => 'x').join(',')},${PAIR_TEXT}\n`);
    writeFileSync(join(dir, 'b-news.csv'), `id,text\nb,${PAIR_TEXT}\n`);
    const items = await read([dir], { csvColumns: 20 });
    expect(summary(items)).toEqual(['too-large a-wide.csv', 'doc b']);
    expect(items[0]?.kind === 'skipped' && items[0].skipped.message).toBe('the header has 51 columns, over the limit of 20');
  });

  it('HTML or a feed nested deeper than the limit is skipped before parsing', async () => {
    const dir = tempDir('deep');
    writeFileSync(join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(300)}<p>${PAIR_TEXT}</p>${'</div>'.repeat(300)}</body></html>`);
    writeFileSync(join(dir, 'flat.html'), `<html><body>${'<div><br><img src="x"/></div>'.repeat(300)}<article><p>${PAIR_TEXT}</p></article></body></html>`);
    expect(nestsDeeperThan(readFileSync(join(dir, 'deep.html'), 'utf8'), 250)).toBe(true);
    expect(nestsDeeperThan(readFileSync(join(dir, 'flat.html'), 'utf8'), 250)).toBe(false);
    expect(summary(await read([join(dir, 'deep.html')], { markupDepth: 250 }))).toEqual(['too-deep deep.html']);
    writeFileSync(join(dir, 'deep.xml'), `<rss><channel><item><description>${'<a>'.repeat(300)}x${'</a>'.repeat(300)}</description></item></channel></rss>`);
    expect(summary(await read([join(dir, 'deep.xml')], { markupDepth: 250 }))).toEqual(['too-deep deep.xml']);
  });
});

describe('the report\'s quotes', () => {
  it('read each document\'s sentences once, however many of them are quoted', async () => {
    const dir = tempDir('quotes');
    const countries = ['China', 'Pakistan', 'India', 'Japan', 'France', 'Germany', 'Brazil', 'Canada'];
    const text = countries.flatMap((a, i) => countries.slice(i + 1).map((b) => `${a} and ${b} deepened their trust and cooperation.`)).join(' ');
    const input = corpus(dir, 'news.jsonl', [{ id: 'long', date: '2024-01-03', text }]);
    const reads = vi.spyOn(KeyedLineStore.prototype, 'lines');
    try {
      const summary = await run({ inputs: [input], out: join(dir, 'out'), defaultDate: null, top: 30 });
      expect(summary.pairs.length).toBe(28);
      // Lines are filed by where their document was read (one id may be read twice).
      expect(reads.mock.calls.filter(([key]) => key === `${input}:1`)).toHaveLength(1);
    } finally {
      reads.mockRestore();
    }
  });
});
