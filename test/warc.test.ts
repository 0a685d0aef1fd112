import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../src/ingest/readInputs.js';
import type { IngestItem } from '../src/ingest/records.js';
import type { NewsDocument, SkippedInput } from '../src/types/document.js';
import { merge } from '../src/api/merge.js';
import { run } from '../src/api/run.js';
import { CLI, differingOutputs, jsonl, tempDir } from './helpers.js';

interface Capture {
  url: string;
  body: string;
  status?: number;
  contentType?: string;
  type?: 'response' | 'request' | 'warcinfo';
  crawled?: string;
}

/** One WARC record, as a crawler writes it (gzip: compressed on its own, as CC-NEWS files are). */
async function warcRecord(capture: Capture, gzip: boolean): Promise<Buffer> {
  const type = capture.type ?? 'response';
  const record = WARCRecord.create(
    {
      url: capture.url,
      date: capture.crawled ?? '2024-03-05T10:00:00Z',
      type,
      ...(type === 'warcinfo' ? {} : {
        httpHeaders: type === 'request' ? { Host: 'news.example' } : { 'Content-Type': capture.contentType ?? 'text/html; charset=utf-8' },
        statusline: type === 'request' ? 'GET / HTTP/1.1' : `HTTP/1.1 ${capture.status ?? 200} X`,
      }),
    },
    [new TextEncoder().encode(capture.body)],
  );
  return Buffer.from(await WARCSerializer.serialize(record, { gzip }));
}

async function warcFile(captures: Capture[], gzip: boolean): Promise<Buffer[]> {
  return Promise.all(captures.map((capture) => warcRecord(capture, gzip)));
}

function page(paragraphs: string[], head = ''): string {
  return `<html><head><title>Wire</title>${head}</head><body><nav><a href="/">Home</a></nav><article>` +
    `${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

const TALKS = 'China and Pakistan signed a trade agreement in Beijing on Tuesday, officials of both countries said.';
const CLASH = 'India accused China of sending troops across the border, and the two armies exchanged fire for hours.';
const VISIT = 'Japan and South Korea agreed to restore their security dialogue after a visit by the Korean foreign minister.';

const CAPTURES: Capture[] = [
  { type: 'warcinfo', url: '', body: 'software: our test\r\n' },
  // Dated by its meta tag, which wins over the day it was fetched.
  { url: 'https://news.example/a', body: page([TALKS, TALKS.replace('Tuesday', 'Wednesday')], '<meta property="article:published_time" content="2024-02-27">') },
  { url: 'https://news.example/missing', status: 404, body: 'not found' },
  { url: 'https://news.example/photo.png', contentType: 'image/png', body: 'PNG' },
  { type: 'request', url: 'https://news.example/b', body: '' },
  // No date on the page: the URL's, then the crawl's.
  { url: 'https://news.example/2024/01/15/clash', body: page([CLASH, 'The talks between India and China were suspended.']) },
  { url: 'https://news.example/c', crawled: '2024-03-06T08:30:00Z', body: page([VISIT, 'Japan and South Korea will hold talks again next month.']) },
];

async function items(path: string, records?: { first: number; last: number }): Promise<IngestItem[]> {
  const all: IngestItem[] = [];
  for await (const item of readInputs([path], { defaultDate: null, ...(records ? { records } : {}) })) all.push(item);
  return all;
}

/** CAPTURES as a .warc.gz whose last 40 bytes are cut off, inside its last record. */
async function truncatedWarc(prefix: string): Promise<{ path: string; parts: Buffer[]; whole: Buffer }> {
  const parts = await warcFile(CAPTURES, true);
  const whole = Buffer.concat(parts);
  const path = join(tempDir(prefix), 'cut.warc.gz');
  writeFileSync(path, whole.subarray(0, whole.length - 40));
  return { path, parts, whole };
}

const documents = (all: IngestItem[]) => all.flatMap((i) => (i.kind === 'document' ? [i.document] : [] as NewsDocument[]));
const skips = (all: IngestItem[]) => all.flatMap((i) => (i.kind === 'skipped' ? [i.skipped] : [] as SkippedInput[]));

describe('WARC input', () => {
  for (const gzip of [true, false]) {
    it(`reads each HTML page fetched with status 200 as a document and counts the other records (${gzip ? '.warc.gz, per record' : '.warc'})`, async () => {
      const parts = await warcFile(CAPTURES, gzip);
      const path = join(tempDir('warc'), gzip ? 'cc-news.warc.gz' : 'cc-news.warc');
      writeFileSync(path, Buffer.concat(parts));
      const offsets = parts.map((_, i) => parts.slice(0, i).reduce((n, p) => n + p.length, 0));
      const all = await items(path);
      expect(documents(all).map((d) => [d.id, d.date, d.dateRule, d.url, d.origin])).toEqual([
        ['https://news.example/a', '2024-02-27', 'metadata', 'https://news.example/a', `${path}@${offsets[1]}`],
        ['https://news.example/2024/01/15/clash', '2024-01-15', 'url', 'https://news.example/2024/01/15/clash', `${path}@${offsets[5]}`],
        ['https://news.example/c', '2024-03-06', 'crawl', 'https://news.example/c', `${path}@${offsets[6]}`],
      ]);
      expect(documents(all)[0]?.text).toContain('signed a trade agreement');
      expect(documents(all)[0]?.text).not.toContain('Home');
      expect(skips(all).map((s) => [s.origin, s.reason, s.id])).toEqual([
        [`${path}@0`, 'not-a-response', null],
        [`${path}@${offsets[2]}`, 'http-status', 'https://news.example/missing'],
        [`${path}@${offsets[3]}`, 'not-html', 'https://news.example/photo.png'],
        [`${path}@${offsets[4]}`, 'not-a-response', 'https://news.example/b'],
      ]);
      expect(skips(all)[1]?.message).toContain('HTTP status 404');
    });
  }

  it('reports a truncated .warc.gz from the offset of the record it cut, after reading the records before it', async () => {
    const { path, parts, whole } = await truncatedWarc('warc-cut');
    const all = await items(path);
    expect(documents(all).map((d) => d.id)).toEqual(['https://news.example/a', 'https://news.example/2024/01/15/clash']);
    const cutAt = whole.length - (parts.at(-1) as Buffer).length;
    expect(skips(all).at(-1)).toEqual({
      origin: `${path}@${cutAt}`,
      id: null,
      reason: 'unreadable',
      message: `${(parts.at(-1) as Buffer).length - 40} bytes from record 7 on are not a WARC record (truncated or corrupt file); they are not read`,
    });
  });

  it('reports a record of a .warc cut short, and corrupt bytes in a .warc.gz with the records after them', async () => {
    const dir = tempDir('warc-corrupt');
    const plain = Buffer.concat(await warcFile(CAPTURES, false));
    writeFileSync(join(dir, 'cut.warc'), plain.subarray(0, plain.length - 30));
    const cut = await items(join(dir, 'cut.warc'));
    expect(documents(cut)).toHaveLength(2);
    expect(skips(cut).at(-1)).toMatchObject({ reason: 'unreadable', id: 'https://news.example/c', message: expect.stringContaining('record cut short') });

    const parts = await warcFile(CAPTURES, true);
    const garbled = Buffer.concat(parts);
    const third = (parts[0] as Buffer).length + (parts[1] as Buffer).length;
    garbled.fill(0x41, third + 10, third + 30);
    writeFileSync(join(dir, 'garbled.warc.gz'), garbled);
    const read = await items(join(dir, 'garbled.warc.gz'));
    expect(documents(read).map((d) => d.id)).toEqual(['https://news.example/a']);
    expect(skips(read).at(-1)).toMatchObject({ origin: `${join(dir, 'garbled.warc.gz')}@${third}`, reason: 'unreadable' });
  });

  it('reads a range of records with the offsets they have in the whole file, each problem reported by one part', async () => {
    const { path } = await truncatedWarc('warc-range');
    const all = await items(path);
    const inParts = [...(await items(path, { first: 1, last: 3 })), ...(await items(path, { first: 4, last: 6 })), ...(await items(path, { first: 7, last: 9 }))];
    expect(inParts).toEqual(all);
    expect(await items(path, { first: 8, last: 9 })).toEqual([]);
  });

  it('runs from the command line on a .warc.gz into an index, and refuses --records over a folder or a CSV', async () => {
    const dir = tempDir('warc-run');
    const path = join(dir, 'news.warc.gz');
    writeFileSync(path, Buffer.concat(await warcFile(CAPTURES, true)));
    const out = join(dir, 'out');
    execFileSync('node', [CLI, 'run', path, '--out', out, '--quiet', '--jobs', '1']);
    const records = jsonl<{ id: string; status: string; pairs: string[] }>(join(out, 'documents.jsonl'));
    expect(records.map((r) => [r.id, r.pairs])).toEqual([
      ['https://news.example/2024/01/15/clash', ['CN-IN']],
      ['https://news.example/a', ['CN-PK']],
      ['https://news.example/c', ['JP-KR']],
    ]);
    expect(jsonl<{ reason: string }>(join(out, 'skipped.jsonl')).map((s) => s.reason).sort()).toEqual(['http-status', 'not-a-response', 'not-a-response', 'not-html']);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('http-status');
    writeFileSync(join(dir, 'news.csv'), 'id,text\n1,hello\n');
    for (const input of [dir, join(dir, 'news.csv')]) {
      const refused = spawnSync('node', [CLI, 'run', input, '--records', '1-2', '--out', join(dir, 'refused')], { encoding: 'utf8' });
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('--records: a range of records is read from one JSONL or WARC file');
    }
    const backwards = spawnSync('node', [CLI, 'run', path, '--records', '3-2', '--out', join(dir, 'refused')], { encoding: 'utf8' });
    expect(backwards.stderr).toContain('1 ≤ FIRST ≤ LAST');
  });

  it('gives the same outputs from runs over ranges of lines of a JSONL file, merged, as from one run', async () => {
    const dir = tempDir('jsonl-range');
    const lines = [TALKS, CLASH, VISIT, 'not json', TALKS.replace('trade', 'energy'), CLASH.replace('hours', 'a day')].map((text, i) =>
      text === 'not json' ? text : JSON.stringify({ id: `d${i}`, date: `2024-0${1 + (i % 3)}-10`, text }));
    const path = join(dir, 'news.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const whole = await run({ inputs: [path], out: join(dir, 'whole'), defaultDate: null });
    await run({ inputs: [path], out: join(dir, 'a'), defaultDate: null, records: { first: 1, last: 4 } });
    await run({ inputs: [path], out: join(dir, 'b'), defaultDate: null, records: { first: 5, last: 100 } });
    const merged = await merge({ shards: [join(dir, 'a'), join(dir, 'b')], out: join(dir, 'merged') });
    expect(merged.counts).toEqual(whole.counts);
    // Every file, skipped.jsonl and origins.jsonl included: each line keeps its number in the whole file.
    expect(differingOutputs(join(dir, 'merged'), join(dir, 'whole'))).toEqual([]);
    expect(jsonl<{ origin: string }>(join(dir, 'merged', 'skipped.jsonl'))).toEqual([expect.objectContaining({ origin: `${path}:4`, reason: 'malformed-json' })]);
  });
});
