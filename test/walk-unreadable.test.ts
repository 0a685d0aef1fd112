import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { readInputs } from '../src/ingest/readInputs.js';
import type { IngestItem } from '../src/ingest/records.js';
import { tempDir } from './helpers.js';

/**
 * The tests run as root, and root reads a file of mode 000 (and lists a folder of mode 000) all the
 * same, so the permission error is simulated: opening any file named `locked.*` fails with EACCES,
 * as it would for a user without the right to read it.
 */
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const createReadStream = ((path: string, options?: unknown) => {
    if (!String(path).includes('locked.')) return fs.createReadStream(path, options as never);
    const stream = new Readable({ read() {} });
    const error = Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
    process.nextTick(() => stream.destroy(error));
    return stream;
  }) as typeof fs.createReadStream;
  return { ...fs, default: { ...fs, createReadStream }, createReadStream };
});

const line = (id: string) => `${JSON.stringify({ id, date: '2024-01-03', text: 'China and Pakistan signed a deal.' })}\n`;

describe('an unreadable file in a folder', () => {
  it('is skipped with its path and the error, plain or gzipped, and the walk goes on', async () => {
    const dir = tempDir('walk-locked');
    writeFileSync(join(dir, 'a.jsonl'), line('a'));
    writeFileSync(join(dir, 'b-locked.jsonl'), line('b'));
    writeFileSync(join(dir, 'c-locked.jsonl.gz'), line('c'));
    writeFileSync(join(dir, 'd.jsonl'), line('d'));
    const items: IngestItem[] = [];
    for await (const item of readInputs([dir], { defaultDate: null })) items.push(item);
    expect(items.flatMap((i) => (i.kind === 'document' ? [i.document.id] : []))).toEqual(['a', 'd']);
    const skips = items.flatMap((i) => (i.kind === 'skipped' ? [i.skipped] : []));
    expect(skips.map((s) => [s.origin, s.reason])).toEqual([[join(dir, 'b-locked.jsonl'), 'unreadable'], [join(dir, 'c-locked.jsonl.gz'), 'unreadable']]);
    expect(skips[0]?.message).toContain('EACCES');
  });
});
