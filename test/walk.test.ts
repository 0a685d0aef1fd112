import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sizeOf } from '../src/cli/progress.js';
import { readInputs } from '../src/ingest/readInputs.js';
import type { IngestItem } from '../src/ingest/records.js';
import { tempDir } from './helpers.js';

async function read(paths: string[]): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(paths, { defaultDate: null })) items.push(item);
  return items;
}

const line = (id: string) => `${JSON.stringify({ id, date: '2024-01-03', text: 'China and Pakistan signed a deal.' })}\n`;

/** A folder whose files are good news on each side of every kind of bad entry, in sorted order. */
function folderWithBadEntries(): string {
  const dir = tempDir('walk');
  writeFileSync(join(dir, 'a-first.jsonl'), line('first'));
  symlinkSync(join(dir, 'nowhere.jsonl'), join(dir, 'b-dangling.jsonl'));
  symlinkSync(join(dir, 'c-loop.jsonl'), join(dir, 'c-loop.jsonl'));
  // A folder that links back to its parent: followed once, never forever.
  mkdirSync(join(dir, 'd-sub'));
  writeFileSync(join(dir, 'd-sub', 'inner.jsonl'), line('inner'));
  symlinkSync(dir, join(dir, 'd-sub', 'up'));
  // A FIFO would block a reader that opened it.
  execFileSync('mkfifo', [join(dir, 'e-pipe.jsonl')]);
  // A gzip stream cut in the middle: the first line's bytes are there, its end is not.
  const gz = gzipSync(Buffer.from(line('cut') + line('cut-2').repeat(200)));
  writeFileSync(join(dir, 'f-truncated.jsonl.gz'), gz.subarray(0, gz.length - 20));
  writeFileSync(join(dir, 'g-last.jsonl'), line('last'));
  return dir;
}

describe('walking a folder with bad entries', () => {
  it('skips each bad entry with its own path and reason and reads every good file', async () => {
    const dir = folderWithBadEntries();
    const items = await read([dir]);
    const ids = items.flatMap((i) => (i.kind === 'document' ? [i.document.id] : []));
    expect(ids).toContain('first');
    expect(ids).toContain('inner');
    expect(ids).toContain('last');
    const skips = items.flatMap((i) => (i.kind === 'skipped' ? [[i.skipped.origin.replace(dir, ''), i.skipped.reason, i.skipped.message]] : []));
    expect(skips).toEqual([
      ['/b-dangling.jsonl', 'unreadable', 'a link to nothing (dangling symlink)'],
      ['/c-loop.jsonl', 'unreadable', 'a symlink loop'],
      ['/e-pipe.jsonl', 'unreadable', 'not a regular file'],
      ['/f-truncated.jsonl.gz', 'unreadable', 'unexpected end of file'],
    ]);
  });

  it('a missing path given on the command line is reported and the next one is read', async () => {
    const dir = tempDir('walk-args');
    writeFileSync(join(dir, 'ok.jsonl'), line('ok'));
    const items = await read([join(dir, 'missing.jsonl'), join(dir, 'ok.jsonl')]);
    expect(items.map((i) => i.kind)).toEqual(['skipped', 'document']);
  });
});

describe('the progress bar\'s size count', () => {
  it('counts a folder with a link loop and a dangling link once, without following links', async () => {
    const dir = tempDir('size');
    writeFileSync(join(dir, 'a.jsonl'), 'x'.repeat(100));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.jsonl'), 'y'.repeat(50));
    symlinkSync(dir, join(dir, 'sub', 'up'));
    symlinkSync(join(dir, 'self'), join(dir, 'self'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    expect(await sizeOf(dir)).toBe(150);
    // The folder named on the command line may itself be a link.
    expect(await sizeOf(join(dir, 'sub', 'up'))).toBe(150);
  });
});
