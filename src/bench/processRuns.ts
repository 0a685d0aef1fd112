import { execFileSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { RunOptions } from '../api/run.js';

/** A corpus `copies` times over, each copy's ids made its own, so that no copy is a repeated id. */
export async function replicate(source: string, copies: number, target: string): Promise<void> {
  const lines = readFileSync(source, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const stream = createWriteStream(target);
  for (let copy = 0; copy < copies; copy += 1) {
    for (const line of lines) {
      const record = JSON.parse(line) as { id: unknown };
      record.id = `${String(record.id)}-copy${copy}`;
      if (!stream.write(`${JSON.stringify(record)}\n`)) await once(stream, 'drain');
    }
  }
  stream.end();
  await once(stream, 'finish');
}

/** What runOnce prints of one run or merge in its own process. */
export interface WholeRun {
  seconds: number;
  cpuSeconds: number;
  maxRssMB: number;
  documents: number;
}

const RUNNER = fileURLToPath(new URL('./runOnce.js', import.meta.url));

/** One `run` (RunOptions) in its own process, so its time and peak RSS are its own. */
export function runInProcess(options: RunOptions): WholeRun {
  return JSON.parse(execFileSync('node', [RUNNER, 'run', JSON.stringify(options)], { encoding: 'utf8' })) as WholeRun;
}

/** One `run` over `input` with `jobs` threads, in its own process. */
export function wholeRun(input: string, out: string, jobs: number): WholeRun {
  return runInProcess({ inputs: [input], out, defaultDate: null, jobs });
}

/** One `merge` of `shards`, in its own process. */
export function mergeRun(out: string, shards: readonly string[]): WholeRun {
  return JSON.parse(execFileSync('node', [RUNNER, 'merge', JSON.stringify({ shards, out })], { encoding: 'utf8' })) as WholeRun;
}
