import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/aggregate/random.js';
import { readFeed } from '../src/ingest/feed.js';
import { readHtml } from '../src/ingest/html.js';
import type { IngestItem } from '../src/ingest/records.js';
import { readInputs } from '../src/ingest/readInputs.js';
import { findCountries } from '../src/actors/findCountries.js';
import { scoreSentence } from '../src/score/scoreSentence.js';
import { articleBody } from '../src/text/body.js';
import { tokenizeWords } from '../src/text/words.js';
import { tempDir } from './helpers.js';

/** A guard against hangs, not a speed test: no input may take anywhere near this long. */
const HANG_MS = 5_000;

/** FUZZ_SEED=n reruns a failure; the seed is in every failure's message. */
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20241128);
const random = seededRandom(FUZZ_SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const int = (n: number) => Math.floor(random() * n);

const SEEDS = [
  'China and Pakistan signed an agreement on the corridor.',
  "We don't trust that more soldiers will keep us safe, the businessman said.",
  'Die Beziehungen zwischen Deutschland und Frankreich sind gut.',
  'Отношения между Россией и Китаем укрепляются.',
  'Japan lifted its export controls on South Korea; Seoul welcomed the move!',
];
const PIECES = ['(', ')', '"', '“', '”', '’', '—', '\u0000', '\uFFFD', '\u200b', '🇨🇳', '🇵🇰', '.', '...', '?!', 'U.S.', 'Sino-', '-', '\n\n', '\t', '<b>', '</p>', '&amp;', 'n\'t', 'no', 'not', 'but'];

function mutate(text: string): string {
  let out = text;
  for (let i = int(6); i >= 0; i -= 1) {
    const at = int(out.length + 1);
    const op = int(4);
    if (op === 0) out = out.slice(0, at) + pick(PIECES) + out.slice(at);
    else if (op === 1) out = out.slice(0, at) + out.slice(at + int(10));
    else if (op === 2) out = out.slice(0, at) + String.fromCharCode(int(0xffff)) + out.slice(at);
    else out = out + out.slice(0, int(out.length));
  }
  return out;
}

/** Inputs are capped at 5,000 characters; huge single inputs have their own tests (a 50 MB line, a 200 KB token). */
function randomText(): string {
  return generate().slice(0, 5_000);
}

function generate(): string {
  const kind = int(5);
  if (kind === 0) return mutate(pick(SEEDS));
  if (kind === 1) return Array.from({ length: int(200) }, () => String.fromCharCode(int(0x3000))).join('');
  if (kind === 2) return `${'x'.repeat(int(200_000))} China and India`;
  if (kind === 3) return Array.from({ length: int(50) }, () => mutate(pick(SEEDS))).join(pick([' ', '\n', '\n\n']));
  return pick(SEEDS).split('').reverse().join('');
}

function guarded<T>(fn: () => T): T {
  const start = Date.now();
  const result = fn();
  expect(Date.now() - start).toBeLessThan(HANG_MS);
  return result;
}

describe('fuzz', () => {
  it('scores thousands of random and mutated texts without crashing, and keeps scores in range', () => {
    for (let i = 0; i < 2000; i += 1) {
      const text = randomText();
      const result = guarded(() => {
        const body = articleBody(text);
        for (const s of body.sentences.slice(0, 20)) findCountries(s.text, tokenizeWords(s.text));
        return scoreSentence(text.slice(0, 5000));
      });
      // Trust is clamped to the scale (an invasion reads −1); tone stays inside it.
      expect(result.trust).toBeGreaterThanOrEqual(-1);
      expect(result.trust).toBeLessThanOrEqual(1);
      expect(result.tone).toBeGreaterThan(-1);
      expect(result.tone).toBeLessThan(1);
    }
  });

  it('reads deeply nested and broken HTML and XML without crashing', () => {
    for (let i = 0; i < 200; i += 1) {
      const depth = int(2000);
      const html = `${'<div><span>'.repeat(depth)}${mutate(pick(SEEDS))}${'</span></div>'.repeat(int(depth + 1))}`;
      const item = guarded(() => readHtml(mutate(html), `page-${i}.html`, null));
      expect(['document', 'skipped']).toContain(item.kind);
      const feed = `<rss><channel>${'<item><description>'.repeat(int(50))}${mutate(pick(SEEDS))}`;
      const items = guarded(() => [...readFeed(mutate(feed), `feed-${i}.rss`, null)]);
      expect(items.length).toBeGreaterThan(0);
    }
  });

  it('accounts for every line of a file of random and truncated JSON', async () => {
    const dir = tempDir('fuzz');
    const file = join(dir, 'fuzz.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 1500; i += 1) {
      const record = JSON.stringify({ id: `f${i}`, date: pick(['2024-11-02', '2024-13-01', 'soon', '']), text: randomText().slice(0, 20_000) });
      const kind = int(4);
      const line = kind === 0 ? record.slice(0, int(record.length)) : kind === 1 ? mutate(record) : record;
      lines.push(line.replace(/\r?\n/g, ' '));
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const items: IngestItem[] = [];
    for await (const item of readInputs([file], { defaultDate: null })) items.push(item);
    expect(items.length).toBe(lines.filter((l) => l.trim() !== '').length);
    expect(items.every((i) => (i.kind === 'document' ? i.document.id !== '' : i.skipped.message !== ''))).toBe(true);
  });

  it(`reads random, truncated and mutated files of every format without a crash, a hang or an unreported loss (seed ${FUZZ_SEED})`, async () => {
    const dir = tempDir('fuzz-formats');
    const doc = (i: number) => ({ id: `d${i}`, date: pick(['2024-11-02', '2024-13-01', '']), title: mutate(pick(SEEDS)), text: mutate(pick(SEEDS)) });
    const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const valid: Record<string, () => string> = {
      jsonl: () => Array.from({ length: 1 + int(5) }, (_, i) => JSON.stringify(doc(i))).join('\n'),
      csv: () => ['id,date,title,text', ...Array.from({ length: 1 + int(5) }, (_, i) => Object.values(doc(i)).map(csvCell).join(','))].join('\n'),
      tsv: () => ['id\tdate\ttitle\ttext', ...Array.from({ length: 1 + int(5) }, (_, i) => Object.values(doc(i)).map((v) => v.replace(/[\t\n]/g, ' ')).join('\t'))].join('\n'),
      rss: () => `<rss><channel><title>T</title>${Array.from({ length: 1 + int(4) }, (_, i) => `<item><guid>g${i}</guid><pubDate>Sat, 02 Nov 2024 10:00:00 GMT</pubDate><description><![CDATA[<p>${pick(SEEDS)}</p>]]></description></item>`).join('')}</channel></rss>`,
      atom: () => `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${Array.from({ length: 1 + int(4) }, (_, i) => `<entry><id>e${i}</id><updated>2024-11-02T10:00:00Z</updated><content type="html">&lt;p&gt;${pick(SEEDS)}&lt;/p&gt;</content></entry>`).join('')}</feed>`,
      html: () => `<html><head><meta property="article:published_time" content="2024-11-02"></head><body><article><h1>${pick(SEEDS)}</h1>${Array.from({ length: 1 + int(6) }, () => `<p>${mutate(pick(SEEDS))}</p>`).join('')}</article></body></html>`,
      txt: () => Array.from({ length: 1 + int(4) }, () => mutate(pick(SEEDS))).join('\n\n'),
    };
    const bytesOf = (text: string): Buffer => {
      const bytes = Buffer.from(text);
      const kind = int(4);
      if (kind === 0) return bytes.subarray(0, int(bytes.length + 1));
      if (kind === 1) {
        // Random bytes over random places: invalid UTF-8, NULs, broken markup.
        for (let k = int(8); k >= 0; k -= 1) bytes[int(bytes.length)] = int(256);
        return bytes;
      }
      if (kind === 2) return Buffer.from(Array.from({ length: int(300) }, () => int(256)));
      return bytes;
    };
    let files = 0;
    for (let i = 0; i < 40; i += 1) {
      for (const [format, make] of Object.entries(valid)) {
        const gzipped = int(4) === 0;
        let bytes = bytesOf(make());
        if (gzipped) {
          bytes = gzipSync(bytes);
          // A truncated archive, sometimes.
          if (int(3) === 0) bytes = bytes.subarray(0, int(bytes.length));
        }
        const file = join(dir, `f${i}-${format}.${format}${gzipped ? '.gz' : ''}`);
        writeFileSync(file, bytes);
        files += 1;
        const context = `${file} (FUZZ_SEED=${FUZZ_SEED})`;
        const items = await withinTime(collectItems(file), context);
        // Every input is accounted for: something comes out of every file, and each item names this file.
        expect(items.length, context).toBeGreaterThan(0);
        for (const item of items) {
          const origin = item.kind === 'document' ? item.document.origin : item.skipped.origin;
          expect(origin.startsWith(file), context).toBe(true);
          if (item.kind === 'skipped') expect(item.skipped.reason && item.skipped.message, context).toBeTruthy();
          else expect(item.document.text.trim(), context).not.toBe('');
        }
        if (format === 'jsonl' && !gzipped) {
          const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\n').filter((l) => l.trim() !== '');
          expect(items.length, context).toBe(lines.length);
        }
      }
    }
    expect(files).toBe(280);
  }, 60_000);
});

async function collectItems(file: string): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs([file], { defaultDate: null })) items.push(item);
  return items;
}

/** Fails, naming the input, when reading it takes longer than HANG_MS: a stalled stream or a runaway parse. */
async function withinTime<T>(work: Promise<T>, context: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms: ${context}`)), HANG_MS);
  });
  const start = Date.now();
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    // A synchronous parse cannot be interrupted: it is caught here once it returns.
    expect(Date.now() - start, context).toBeLessThan(HANG_MS);
  }
}
