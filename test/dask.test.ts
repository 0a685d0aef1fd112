import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, SHARED, differingOutputs, outputFiles, tempDir } from './helpers.js';

/** Debian's python3, which has python3-distributed (a pyenv python3 may come first on PATH). */
const PYTHON = '/usr/bin/python3';
const DRIVER = join(ROOT, 'tools', 'dask', 'backfill.py');
const REUTERS = join(SHARED, 'eval', 'reuters21578.jsonl');
const HAS_REUTERS = existsSync(REUTERS);
const HAS_DASK = spawnSync(PYTHON, ['-c', 'import distributed'], { stdio: 'ignore' }).status === 0;
// CI installs python3-distributed (.ci/run): there, its absence is a failure, not a skip.
if (!HAS_DASK && process.env.CI === 'true') throw new Error(`${PYTHON} cannot import distributed: .ci/run must install python3-distributed`);
if (!HAS_DASK) console.warn(`[trust-index tests] ${PYTHON} has no distributed (apt-get install python3-distributed): the Dask tests are skipped`);
if (!HAS_REUTERS) console.warn(`[trust-index tests] ${REUTERS} not found: the Dask test on Reuters is skipped`);

interface Driven {
  status: number | null;
  log: string;
}

/** Run the driver on a LocalCluster of 2 workers; `whileRunning` gets its process while it runs. */
async function backfill(args: string[], whileRunning?: (child: ChildProcess) => Promise<void>): Promise<Driven> {
  const child = spawn(PYTHON, [DRIVER, '--workers', '2', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await whileRunning?.(child);
  return { status: await exited, log };
}

/** The pid of the worker running the first task to start, once it has run a while: the worker to kill. */
async function busyWorker(shards: string, child: ChildProcess): Promise<number> {
  const attempts = join(shards, '_attempts');
  for (;;) {
    if (child.exitCode !== null) throw new Error('the backfill ended before any task started');
    const sessions = existsSync(attempts) ? readdirSync(attempts) : [];
    const started = sessions.flatMap((s) => readdirSync(join(attempts, s)).map((f) => join(attempts, s, f))).filter((f) => f.endsWith('.started'));
    if (started.length > 0) {
      // Into the task's trust-index run, well before its end (~5 s).
      await sleep(1500);
      return (JSON.parse(readFileSync(started[0] as string, 'utf8')) as { pid: number }).pid;
    }
    await sleep(100);
  }
}

describe.skipIf(!HAS_DASK)('Dask backfill (tools/dask/backfill.py)', () => {
  it.skipIf(!HAS_REUTERS)('merges Reuters cut into 8 partitions on 2 workers, one killed mid-task, into the bytes of one run over the whole', async () => {
    const dir = tempDir('dask-reuters');
    const lines = readFileSync(REUTERS, 'utf8').split('\n').filter((l) => l !== '').length;
    const shards = join(dir, 'shards');
    let killed = 0;
    const driven = await backfill([REUTERS, '--shards', shards, '--out', join(dir, 'merged'), '--lines-per-partition', String(Math.ceil(lines / 8))], async (child) => {
      killed = await busyWorker(shards, child);
      process.kill(killed, 'SIGKILL');
    });
    expect(driven.log).toContain('8 partitions, 0 already finished, 8 to run');
    expect(driven.status, driven.log).toBe(0);
    // The log names the partition whose worker died and where it ran again.
    expect(driven.log).toMatch(new RegExp(`retried part-\\w+: on tcp://\\S+ \\(pid ${killed}\\): lost \\(worker died or task failed\\); on tcp://\\S+ \\(pid \\d+\\): finished`));
    execFileSync('node', [CLI, 'run', REUTERS, '--out', join(dir, 'whole'), '--jobs', '2', '--quiet']);
    // Every file, charts, skipped.jsonl and origins.jsonl included: each part read its lines with their numbers in the whole file.
    expect(outputFiles(join(dir, 'merged')).length).toBeGreaterThan(20);
    expect(differingOutputs(join(dir, 'merged'), join(dir, 'whole'))).toEqual([]);
    // The killed attempt's scratch folder is gone; the shards are the 8 partitions' and the attempts' log.
    expect(readdirSync(shards).filter((f) => !f.startsWith('part-')).sort()).toEqual(['_attempts']);
  }, 300_000);

  it('runs only new or unfinished partitions when started again, and merges all of them', async () => {
    const dir = tempDir('dask-incremental');
    const news = join(dir, 'news');
    const story = (i: number, text: string) => JSON.stringify({ id: `s${i}`, date: `2024-0${1 + (i % 6)}-1${i % 10}`, text });
    const texts = [
      'China and Pakistan signed an agreement to expand their economic corridor.',
      'India accused China of violating the border agreement, and both sides moved troops.',
      'Japan and South Korea restored their security dialogue after years of disputes.',
      'Canada expelled an Indian diplomat over the killing of a Sikh leader.',
    ];
    const month = (from: number) => `${Array.from({ length: 12 }, (_, i) => story(from + i, texts[(from + i) % 4] as string)).join('\n')}\n`;
    execFileSync('mkdir', ['-p', news]);
    writeFileSync(join(news, '2024-01.jsonl'), month(0));
    writeFileSync(join(news, '2024-02.jsonl'), month(12));
    const shards = join(dir, 'shards');
    const out = join(dir, 'merged');
    const args = [news, '--shards', shards, '--out', out, '--lines-per-partition', '5'];
    const first = await backfill(args);
    expect(first.status, first.log).toBe(0);
    expect(first.log).toContain('6 partitions, 0 already finished, 6 to run');
    // Each task's time and the peak memory of its trust-index process: what a worker must hold.
    expect(first.log).toMatch(/finished part-\w+ in [\d.]+ s, peak RSS \d+ MB/);
    // A backfill stopped before one shard was finished (its marker is written last) runs that one alone.
    const unfinished = readdirSync(shards).filter((f) => f.startsWith('part-')).sort()[0] as string;
    rmSync(join(shards, unfinished, 'trust-index-partition.json'));
    // And a month's news added to the archive is run alone too.
    writeFileSync(join(news, '2024-03.jsonl'), month(24));
    const second = await backfill(args);
    expect(second.status, second.log).toBe(0);
    expect(second.log).toContain('9 partitions, 5 already finished, 4 to run');
    expect(second.log).toContain(`finished ${unfinished}`);
    execFileSync('node', [CLI, 'run', news, '--out', join(dir, 'whole'), '--jobs', '1', '--quiet']);
    expect(differingOutputs(out, join(dir, 'whole'))).toEqual([]);
    // Nothing left to run: the merge alone, with the same outputs.
    const third = await backfill([...args, '--plan-only']);
    expect(third.log).toContain('9 partitions, 9 already finished, 0 to run');
  }, 300_000);

  it('exits non-zero, merging nothing, when a partition fails, and when the inputs hold no usable document', async () => {
    const dir = tempDir('dask-fail');
    writeFileSync(join(dir, 'undated.jsonl'), `${JSON.stringify({ id: 'a', text: 'China and Pakistan met.' })}\n`);
    const empty = await backfill([join(dir, 'undated.jsonl'), '--shards', join(dir, 'shards'), '--out', join(dir, 'out')]);
    // The part's run writes its (empty) shard; the merge finds no usable document and says so (exit 5).
    expect(empty.status, empty.log).toBe(5);
    expect(empty.log).toContain('no usable document');
    const broken = await backfill([join(dir, 'undated.jsonl'), '--shards', join(dir, 'shards-2'), '--out', join(dir, 'out-2'), '--run-args', '--period fortnight']);
    expect(broken.status, broken.log).toBe(1);
    expect(broken.log).toMatch(/FAILED part-\w+ \(.*undated\.jsonl\): trust-index exited 2: trust-index: --period must be week, month or quarter/);
    expect(existsSync(join(dir, 'out-2'))).toBe(false);
  }, 300_000);
});
