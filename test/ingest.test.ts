import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../src/ingest/dates.js';
import { contentId } from '../src/ingest/identity.js';
import { dateFromHeader, dateFromText, dateFromUrl, inferDate } from '../src/ingest/inferDate.js';
import { readLines } from '../src/util/lines.js';
import type { IngestItem } from '../src/ingest/records.js';
import { readInputs } from '../src/ingest/readInputs.js';
import { tempDir } from './helpers.js';

async function collect(paths: string[], defaultDate: string | null = null): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(paths, { defaultDate })) items.push(item);
  return items;
}

/** Every line `readLines` gives for a stream made of these chunks. */
async function linesOf(chunks: Array<Buffer | string>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readLines(Readable.from(chunks))) lines.push(line);
  return lines;
}

describe('readLines', () => {
  it('splits at LF and CRLF, keeps empty lines, and gives a last line without a newline', async () => {
    expect(await linesOf([Buffer.from('one\r\ntwo\n\nthree')])).toEqual(['one', 'two', '', 'three']);
    expect(await linesOf([Buffer.from('one\n')])).toEqual(['one']);
    expect(await linesOf([])).toEqual([]);
  });

  it('joins lines and characters that chunks cut in two', async () => {
    const text = Buffer.from('Islamabad–Beijing\r\n北京 talks\n');
    // Cut inside the en dash, between CR and LF, and inside a Chinese character.
    const chunks = [text.subarray(0, 10), text.subarray(10, 19), text.subarray(19, 20), text.subarray(20, 22), text.subarray(22)];
    expect(await linesOf(chunks)).toEqual(['Islamabad–Beijing', '北京 talks']);
  });

  it('reads a line that spans many chunks whole', async () => {
    const long = 'x'.repeat(300_000);
    const chunks = [`first\n${long.slice(0, 1000)}`, ...Array.from({ length: 299 }, () => 'x'.repeat(1000)), '\nlast'];
    const lines = await linesOf(chunks.map((c) => Buffer.from(c)));
    expect(lines.map((l) => l.length)).toEqual([5, 300_000, 4]);
  });

  it('replaces bytes that are not UTF-8 with U+FFFD, as readline does', async () => {
    expect(await linesOf([Buffer.from([0x61, 0xff, 0x62, 0x0a])])).toEqual(['a\ufffdb']);
  });
});

describe('isoDay', () => {
  it.each([
    ['2024-11-28', '2024-11-28'],
    ['2024-11-28T23:30:00+05:00', '2024-11-28'],
    ['2024-11-28T10:00:00Z', '2024-11-28'],
    ['2024-02-30', null],
    ['28/11/2024', null],
    ['', null],
    [20241128, null],
  ])('%s → %s', (value, expected) => {
    expect(isoDay(value)).toBe(expected);
  });
});

describe('readInputs', () => {
  it('reads JSONL, reports bad lines with file and line, and goes on', async () => {
    const dir = tempDir('ingest');
    const file = join(dir, 'news.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', date: '2024-11-02', title: 'T', text: 'China and Pakistan met.', source: 'S', url: 'https://x.test/a' }),
        '{"id": "b", "date": ',
        '',
        JSON.stringify({ id: 'c', date: '2024-11-03' }),
        '[1, 2]',
        JSON.stringify({ date: 'soon', text: 'India and Canada talked.' }),
      ].join('\n'),
    );
    const items = await collect([file]);
    expect(items.map((i) => (i.kind === 'document' ? `doc ${i.document.id}` : `skip ${i.skipped.reason} ${i.skipped.origin}`))).toEqual([
      'doc a',
      `skip malformed-json ${file}:2`,
      `skip missing-text ${file}:4`,
      `skip not-a-record ${file}:5`,
      `doc ${contentId('India and Canada talked.')}`,
    ]);
    const last = items[4];
    expect(last?.kind === 'document' && last.document.date).toBeNull();
    const first = items[0];
    expect(first?.kind === 'document' && first.document).toMatchObject({ source: 'S', url: 'https://x.test/a', origin: `${file}:1` });
  });

  it('reads a directory in sorted order, text files with the given date', async () => {
    const dir = tempDir('dir');
    writeFileSync(join(dir, 'b.txt'), 'Japan and South Korea met.');
    writeFileSync(join(dir, 'a.txt'), 'Iran and Saudi Arabia met.');
    writeFileSync(join(dir, 'ignored.bin'), 'x');
    const items = await collect([dir], '2023-03-10');
    expect(items.map((i) => i.kind === 'document' && `${i.document.id} ${i.document.date}`)).toEqual([
      'a.txt 2023-03-10',
      'b.txt 2023-03-10',
    ]);
  });

  it('reports an unreadable path and reads the others', async () => {
    const dir = tempDir('missing');
    writeFileSync(join(dir, 'ok.txt'), 'text');
    const items = await collect([join(dir, 'nope.jsonl'), join(dir, 'ok.txt')]);
    expect(items[0]).toMatchObject({ kind: 'skipped', skipped: { reason: 'unreadable', origin: join(dir, 'nope.jsonl') } });
    expect(items[1]?.kind).toBe('document');
  });
});

describe('inferDate', () => {
  it('reads a month-year header in another language', () => {
    expect(dateFromHeader('ru24.net\nNews in English\nНоябрь\n2024\n\nHeadline')).toBe('2024-11-01');
    expect(dateFromHeader('Accueil\nnovembre 2024\nTitre')).toBe('2024-11-01');
    expect(dateFromHeader('May the talks succeed.')).toBeNull();
  });

  it('reads a dated URL', () => {
    expect(dateFromUrl('https://news.example/2024/11/28/china-pakistan')).toBe('2024-11-28');
    expect(dateFromUrl('https://news.example/2024-11-28-story')).toBe('2024-11-28');
    expect(dateFromUrl('https://news.example/story/2024')).toBeNull();
  });

  it('reads a full English date in the text, and not a partial one', () => {
    expect(dateFromText('The talks ended on March 10, 2023 in Beijing.')).toBe('2023-03-10');
    expect(dateFromText('The talks ended on March 10 in Beijing.')).toBeNull();
  });

  it('prefers the URL, then the header, then the text, then the default, and records the rule', () => {
    expect(inferDate('March 10, 2023', 'https://x.example/2024/01/02/a', null)).toEqual({ date: '2024-01-02', rule: 'url' });
    expect(inferDate('Ноябрь 2024\nOn March 10, 2023', undefined, null)).toEqual({ date: '2024-11-01', rule: 'text-header' });
    expect(inferDate('On March 10, 2023, they met.', undefined, '2020-01-01')).toEqual({ date: '2023-03-10', rule: 'text' });
    expect(inferDate('No date here.', undefined, '2020-01-01')).toEqual({ date: '2020-01-01', rule: 'default' });
    expect(inferDate('No date here.', undefined, null)).toBeNull();
  });

  it('dates JSONL records from metadata first, then the URL', async () => {
    const dir = tempDir('dates');
    const file = join(dir, 'n.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 'a', date: '2024-11-02', text: 'x', url: 'https://x.example/2020/01/01/a' }),
      JSON.stringify({ id: 'b', text: 'x', url: 'https://x.example/2020/01/01/b' }),
      JSON.stringify({ id: 'c', text: 'nothing to go by' }),
    ].join('\n'));
    const docs = (await collect([file])).map((i) => (i.kind === 'document' ? [i.document.date, i.document.dateRule ?? null] : null));
    expect(docs).toEqual([['2024-11-02', 'metadata'], ['2020-01-01', 'url'], [null, null]]);
  });
});
