import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/api/run.js';
import { OutputFolder } from '../src/output/outputFolder.js';
import { MANIFEST } from '../src/output/manifest.js';
import { LOCK_FILE, lockFolder } from '../src/util/folderLock.js';
import { snapshot, tempDir } from './helpers.js';

/** A disk that fills up when `report.md` is written, if `diskFull` is set: the last file a run writes. */
const disk = vi.hoisted(() => ({ diskFull: false }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const writeFile = ((path: string, ...rest: unknown[]) => {
    if (disk.diskFull && String(path).includes('report.md')) {
      return Promise.reject(Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' }));
    }
    return (fs.writeFile as (...args: unknown[]) => Promise<void>)(path, ...rest);
  }) as typeof fs.writeFile;
  return { ...fs, default: { ...fs, writeFile }, writeFile };
});

afterEach(() => {
  disk.diskFull = false;
});

const NEWS = [
  { id: 'a', date: '2024-01-03', text: 'China and Pakistan signed a deal of friendship and trust.' },
  { id: 'b', date: '2024-02-03', text: 'India and Canada expelled each other\'s diplomats amid deep distrust.' },
];

function corpus(dir: string, records: object[]): string {
  const path = join(dir, 'news.jsonl');
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n'));
  return path;
}

describe('a run that fails part-way', () => {
  it('leaves the previous outputs byte for byte as they were, and no partial or scratch file', async () => {
    const dir = tempDir('enospc');
    const out = join(dir, 'out');
    await run({ inputs: [corpus(dir, NEWS.slice(0, 1))], out, defaultDate: null });
    const before = snapshot(out);
    disk.diskFull = true;
    const failed = run({ inputs: [corpus(dir, NEWS)], out, defaultDate: null });
    await expect(failed).rejects.toThrow(/ENOSPC/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
    // The next run is not hindered by the failed one.
    disk.diskFull = false;
    const summary = await run({ inputs: [corpus(dir, NEWS)], out, defaultDate: null });
    expect(summary.counts.documents).toBe(2);
  });
});

describe('the staging folder and the outputs manifest together', () => {
  it("a failed run removes nothing the previous manifest lists; the next run replaces exactly the listed files it does not write again", async () => {
    const dir = tempDir('enospc-manifest');
    const out = join(dir, 'out');
    const listed = () => (JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files: string[] }).files;
    await run({ inputs: [corpus(dir, NEWS)], out, defaultDate: null });
    const stale = listed().filter((f) => f.startsWith('charts/') && f.includes('CA-IN'));
    expect(stale.length).toBeGreaterThan(0);
    writeFileSync(join(out, 'my-notes.md'), 'mine');
    writeFileSync(join(out, 'charts', 'my-chart.png'), 'mine too');
    const before = snapshot(out);
    // Fails while staging: the previous outputs, its manifest and the charts it lists all stay.
    disk.diskFull = true;
    await expect(run({ inputs: [corpus(dir, NEWS.slice(0, 1))], out, defaultDate: null })).rejects.toThrow(/ENOSPC/);
    expect(snapshot(out)).toEqual(before);
    disk.diskFull = false;
    // Succeeds: the previous run's charts of the pair no longer read are removed, the user's files are kept.
    const summary = await run({ inputs: [corpus(dir, NEWS.slice(0, 1))], out, defaultDate: null });
    expect(summary.removed.sort()).toEqual(stale.sort());
    for (const file of stale) expect(existsSync(join(out, file))).toBe(false);
    expect(readFileSync(join(out, 'my-notes.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'charts', 'my-chart.png'), 'utf8')).toBe('mine too');
    expect(listed().some((f) => f.includes('CA-IN'))).toBe(false);
    for (const file of listed()) expect(existsSync(join(out, file))).toBe(true);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('the output folder', () => {
  it('removes only its own staging folders, never files that merely look like scratch files', async () => {
    const dir = tempDir('lookalikes');
    const out = join(dir, 'out');
    await run({ inputs: [corpus(dir, NEWS)], out, defaultDate: null });
    const mine = ['thesis.tmp-2024.docx', 'notes.unsorted-99999', 'index.csv.tmp-99999-1', 'plan.tmp-1-2.txt'];
    for (const name of mine) writeFileSync(join(out, name), 'the user\'s');
    await run({ inputs: [corpus(dir, NEWS)], out, defaultDate: null });
    for (const name of mine) expect(readFileSync(join(out, name), 'utf8'), name).toBe('the user\'s');
  });

  it('takes a lock: a second run into the same folder fails with a clear message, and the first completes', async () => {
    const dir = tempDir('lock');
    const out = join(dir, 'out');
    const first = await OutputFolder.open(out);
    await expect(run({ inputs: [corpus(dir, NEWS)], out, defaultDate: null })).rejects.toThrow(
      new RegExp(`${LOCK_FILE}: another trust-index run \\(process ${process.pid}\\) is using this output folder`),
    );
    await first.abandon();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    await run({ inputs: [corpus(dir, NEWS)], out, defaultDate: null });
    expect(existsSync(join(out, 'report.md'))).toBe(true);
  });

  it('takes over the lock of a run that is gone', async () => {
    const dir = tempDir('stale-lock');
    // Process ids are below 2^22 on Linux: this one cannot be running.
    writeFileSync(join(dir, LOCK_FILE), '99999999\n');
    const lock = await lockFolder(dir, 'output folder');
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
  });

  it('is held while the process that wrote it runs', async () => {
    const dir = tempDir('live-lock');
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, LOCK_FILE), `${other.pid}\n`);
      await expect(lockFolder(dir, 'cache')).rejects.toThrow(`another trust-index run (process ${other.pid}) is using this cache`);
    } finally {
      other.kill();
    }
  });
});

describe('an output folder or cache inside an input folder', () => {
  it('is not read as input, and the run says so', async () => {
    const dir = tempDir('out-inside');
    corpus(dir, NEWS);
    const out = join(dir, 'reports');
    const cache = join(dir, 'cache');
    const first = await run({ inputs: [dir], out, cache, defaultDate: null });
    expect(first.counts.documents).toBe(2);
    expect(first.notes).toEqual([
      `the output folder ${out} is inside the input folder ${dir}: it is not read as input`,
      `the cache ${cache} is inside the input folder ${dir}: it is not read as input`,
    ]);
    // Run again: the first run's documents.jsonl, sentences.jsonl and cache segments are not news.
    const second = await run({ inputs: [dir], out, cache, defaultDate: null });
    expect(second.counts).toEqual(first.counts);
    expect(readFileSync(join(out, 'skipped.jsonl'), 'utf8')).toBe('');
  });
});
