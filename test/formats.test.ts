import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { IngestItem } from '../src/ingest/records.js';
import { readInputs } from '../src/ingest/readInputs.js';
import { ROOT, tempDir } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');

async function collect(paths: string[], stdin?: Readable): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(paths, { defaultDate: null }, stdin)) items.push(item);
  return items;
}

function documents(items: IngestItem[]) {
  return items.flatMap((i) => (i.kind === 'document' ? [i.document] : []));
}

function skips(items: IngestItem[]) {
  return items.flatMap((i) => (i.kind === 'skipped' ? [i.skipped] : []));
}

describe('formats', () => {
  it('reads CSV with quotes and embedded newlines, and reports a short row with its line', async () => {
    const dir = tempDir('csv');
    const file = join(dir, 'news.csv');
    writeFileSync(file, [
      'id,date,title,text,source',
      'a,2024-11-02,"Pakistan, China","Pakistan and China met.\nTalks were ""frank"".",Wire',
      'b,2024-11-03,short row',
      'c,2024-11-04,T,"India and Canada talked.",Wire',
    ].join('\n'));
    const items = await collect([file]);
    expect(documents(items).map((d) => [d.id, d.title, d.text])).toEqual([
      ['a', 'Pakistan, China', 'Pakistan and China met.\nTalks were "frank".'],
      ['c', 'T', 'India and Canada talked.'],
    ]);
    expect(skips(items)).toEqual([expect.objectContaining({ reason: 'malformed-csv', origin: `${file}:4` })]);
  });

  it('reads TSV and maps field names', async () => {
    const dir = tempDir('tsv');
    const file = join(dir, 'news.tsv');
    writeFileSync(file, 'uid\twhen\tbody\nx\t2020-06-16\tIndia and China clashed.\n');
    const items: IngestItem[] = [];
    const fields = { id: 'uid', date: 'when', title: 'title', text: 'body', url: 'url', source: 'source' };
    for await (const item of readInputs([file], { defaultDate: null, fields })) items.push(item);
    expect(documents(items).map((d) => [d.id, d.date, d.text])).toEqual([['x', '2020-06-16', 'India and China clashed.']]);
  });

  it('reads an RSS feed: items with HTML descriptions, dates and links; an item without text is reported', async () => {
    const items = await collect([join(FIXTURES, 'feed.rss')]);
    expect(documents(items).map((d) => [d.id, d.date, d.source, d.url])).toEqual([
      ['wire-1', '2023-03-16', 'Demo Wire', 'https://wire.example/2023/03/16/japan-korea'],
      ['wire-2', '2023-09-18', 'Demo Wire', 'https://wire.example/2023/09/18/canada-india'],
    ]);
    expect(documents(items)[0]?.text).toBe('Japan lifted its export controls on three chemicals after the summit with South Korea.\n\nOfficials in Seoul welcomed the move.');
    expect(skips(items).map((s) => s.reason)).toEqual(['missing-text']);
  });

  it('reads an Atom feed', async () => {
    const [doc] = documents(await collect([join(FIXTURES, 'feed.atom')]));
    expect(doc).toMatchObject({ id: 'urn:sample-herald:1', date: '2024-10-21', url: 'https://herald.example/2024/10/21/india-china' });
    expect(doc?.text).toBe('India and China reached a patrolling agreement along their disputed border.');
  });

  it('extracts the article from an HTML page, with its date from the meta tags', async () => {
    const [doc] = documents(await collect([join(FIXTURES, 'page.html')]));
    expect(doc).toMatchObject({ date: '2023-03-10', dateRule: 'metadata', url: 'https://herald.example/world/saudi-iran-talks' });
    expect(doc?.text).toContain('Saudi Arabia and Iran agreed on Friday to restore diplomatic relations');
    expect(doc?.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
    expect(doc?.text).not.toMatch(/Football scores|Weather|recipes|All rights reserved/);
  });

  it('reads gzipped files as they stream', async () => {
    const dir = tempDir('gz');
    writeFileSync(join(dir, 'n.jsonl.gz'), gzipSync(`${JSON.stringify({ id: 'g', date: '2024-01-01', text: 'China and Japan met.' })}\n`));
    copyFileSync(join(FIXTURES, 'feed.rss'), join(dir, 'feed.rss'));
    writeFileSync(join(dir, 'feed2.rss.gz'), gzipSync(await import('node:fs').then((fs) => fs.readFileSync(join(FIXTURES, 'feed.atom')))));
    const ids = documents(await collect([dir])).map((d) => d.id);
    expect(ids).toEqual(['wire-1', 'wire-2', 'urn:sample-herald:1', 'g']);
  });

  it('reads JSONL on standard input', async () => {
    const stdin = Readable.from([`${JSON.stringify({ id: 's', date: '2024-01-01', text: 'China and Japan met.' })}\nnot json\n`]);
    const items = await collect(['-'], stdin);
    expect(documents(items).map((d) => d.id)).toEqual(['s']);
    expect(skips(items)).toEqual([expect.objectContaining({ reason: 'malformed-json', origin: '<stdin>:2' })]);
  });
});

describe('bad input', () => {
  it('reports binary, empty and non-UTF-8 files by name and reads the rest', async () => {
    const dir = tempDir('bad');
    writeFileSync(join(dir, 'a-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'b-empty.txt'), '');
    writeFileSync(join(dir, 'c-latin1.txt'), Buffer.from('Caf\xe9 \xe0 Paris, \xe9t\xe9 \xe0 Moscou, d\xe9j\xe0 vu.', 'latin1'));
    writeFileSync(join(dir, 'd-good.txt'), 'On March 10, 2023, Saudi Arabia and Iran agreed to restore ties.');
    const items = await collect([dir]);
    expect(skips(items).map((s) => [s.reason, s.origin])).toEqual([
      ['binary', join(dir, 'a-binary.txt')],
      ['empty', join(dir, 'b-empty.txt')],
      ['invalid-utf8', `${join(dir, 'c-latin1.txt')}:1`],
    ]);
    expect(documents(items).map((d) => [d.id, d.date])).toEqual([['d-good.txt', '2023-03-10']]);
  });

  it('reports each JSONL line and CSV row holding a Latin-1 byte by file and line, and reads the rest', async () => {
    const dir = tempDir('latin1');
    const line = (id: string, text: string) => JSON.stringify({ id, date: '2024-01-01', text });
    writeFileSync(join(dir, 'a.jsonl'), Buffer.concat([
      Buffer.from(`${line('ok-1', 'China and Japan met.')}\n`),
      Buffer.from(`${line('latin', 'Caf\xe9 talks in Paris.')}\n`, 'latin1'),
      Buffer.from(`${line('ok-3', 'China and India met.')}\n`),
    ]));
    writeFileSync(join(dir, 'b.csv'), Buffer.concat([
      Buffer.from('id,date,text\nr1,2024-01-01,"China and Japan\nmet."\n'),
      Buffer.from('r2,2024-01-02,D\xe9j\xe0 vu in Moscow.\nr3,2024-01-03,India and Iran met.\n', 'latin1'),
    ]));
    const items = await collect([dir]);
    expect(skips(items).map((s) => [s.reason, s.origin])).toEqual([
      ['invalid-utf8', `${join(dir, 'a.jsonl')}:2`],
      ['invalid-utf8', `${join(dir, 'b.csv')}:4`],
    ]);
    expect(documents(items).map((d) => d.id)).toEqual(['ok-1', 'ok-3', 'r1', 'r3']);
    // A real U+FFFD written as UTF-8 is text like any other.
    writeFileSync(join(dir, 'a.jsonl'), `${line('fffd', 'China and Japan met \uFFFD.')}\n`);
    expect(skips(await collect([join(dir, 'a.jsonl')]))).toEqual([]);
  });

  it('skips a CSV file whose header names a column it reads twice, naming file and column', async () => {
    const dir = tempDir('csv-header');
    writeFileSync(join(dir, 'a.csv'), 'id,date,text,text\nx,2024-01-01,China and Japan met.,India and Iran met.\n');
    writeFileSync(join(dir, 'b.csv'), 'id,date,text,note,note\ny,2024-01-01,China and Japan met.,a,b\n');
    const items = await collect([dir]);
    expect(skips(items)).toEqual([expect.objectContaining({ reason: 'malformed-csv', origin: `${join(dir, 'a.csv')}:1`, message: expect.stringContaining('"text"') })]);
    expect(documents(items).map((d) => d.id)).toEqual(['y']);
  });

  it('reads a UTF-8 byte-order mark at the start of JSONL, CSV and text files as nothing', async () => {
    const dir = tempDir('bom');
    const bom = '\uFEFF';
    writeFileSync(join(dir, 'a.jsonl'), `${bom}${JSON.stringify({ id: 'j', date: '2024-01-01', text: 'China and Japan met.' })}\n`);
    writeFileSync(join(dir, 'b.csv'), `${bom}id,date,text\nc,2024-01-01,China and Japan met.\n`);
    writeFileSync(join(dir, 'c.txt'), `${bom}On March 10, 2023, Saudi Arabia and Iran agreed to restore ties.`);
    const items = await collect([dir]);
    expect(skips(items)).toEqual([]);
    expect(documents(items).map((d) => [d.id, d.text.charCodeAt(0) === 0xfeff])).toEqual([['j', false], ['c', false], ['c.txt', false]]);
  });

  it('reports a 50 MB line that is not JSON and reads the next line', async () => {
    const dir = tempDir('huge');
    const file = join(dir, 'huge.jsonl');
    writeFileSync(file, `{"id": "big", "text": "${'x'.repeat(50 * 1024 * 1024)}\n${JSON.stringify({ id: 'ok', date: '2024-01-01', text: 'China and India met.' })}\n`);
    const items = await collect([file]);
    expect(skips(items)).toEqual([expect.objectContaining({ reason: 'malformed-json', origin: `${file}:1` })]);
    expect(documents(items).map((d) => d.id)).toEqual(['ok']);
  });

  it('reports a malformed feed with its line', async () => {
    const dir = tempDir('xml');
    writeFileSync(join(dir, 'broken.rss'), '<?xml version="1.0"?>\n<rss><channel>\n<item><title>x</item>\n</channel></rss>');
    expect(skips(await collect([join(dir, 'broken.rss')]))).toEqual([expect.objectContaining({ reason: 'malformed-xml' })]);
  });
});
