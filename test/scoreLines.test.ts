import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scoreLines } from '../src/cli/scoreLines.js';
import { CLI, tempDir } from './helpers.js';

/** A reader downstream that takes one chunk a turn of the event loop, remembering the most ever waiting for it. */
function slowReader(highWaterMark: number): { output: Writable; lines: string[]; mostBuffered: () => number } {
  const lines: string[] = [];
  let most = 0;
  const output = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      setImmediate(done);
    },
  });
  const write = output.write.bind(output);
  output.write = ((chunk: string) => {
    const result = write(chunk);
    most = Math.max(most, output.writableLength);
    return result;
  }) as typeof output.write;
  return { output, lines, mostBuffered: () => most };
}

/** End the output and wait until the reader has taken every line. */
async function finished(output: Writable): Promise<void> {
  output.end();
  await once(output, 'finish');
}

describe('score', () => {
  it('waits for a slow reader: what waits in the output stays within its buffer and one line', async () => {
    const text = 'China and Pakistan deepened their trust and cooperation despite the attacks.';
    const input = Readable.from([`${Array.from({ length: 2000 }, () => text).join('\n')}\n`]);
    const { output, lines, mostBuffered } = slowReader(4096);
    await scoreLines(input, output, { explain: false });
    await finished(output);
    expect(lines).toHaveLength(2000);
    const longest = Math.max(...lines.map((l) => l.length));
    expect(mostBuffered()).toBeLessThanOrEqual(4096 + longest);
  });

  it('answers a line over the limit with a line saying so, and scores the next', async () => {
    const input = Readable.from([`${'trust '.repeat(100)}\nChina and Pakistan trust each other.\n`]);
    const { output, lines } = slowReader(1 << 16);
    await scoreLines(input, output, { explain: false, maxLength: 200 });
    await finished(output);
    expect(JSON.parse(lines[0] as string)).toEqual({ line: 1, skipped: 'line 1 is longer than 200 characters: not scored' });
    expect(JSON.parse(lines[1] as string).pairs.map((p: { pair: string }) => p.pair)).toEqual(['CN-PK']);
  });
});

describe('--jobs', () => {
  it('is capped at the cores available, with a note', () => {
    const dir = tempDir('jobs');
    const input = join(dir, 'news.jsonl');
    writeFileSync(input, `${JSON.stringify({ id: 'a', date: '2024-01-03', text: 'China and Pakistan signed a deal of trust.' })}\n`);
    const result = spawnSync('node', [CLI, 'run', input, '--out', join(dir, 'out'), '--quiet', '--jobs', '999'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const cores = availableParallelism();
    expect(result.stderr).toContain(`--jobs 999 is more than the ${cores} cores available; using ${cores}`);
    const fitting = spawnSync('node', [CLI, 'run', input, '--out', join(dir, 'out'), '--quiet', '--jobs', String(cores)], { encoding: 'utf8' });
    expect(fitting.stderr).toBe('');
  });
});
