import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import cliProgress from 'cli-progress';

/** How often the plain progress line is printed when stderr is not a terminal. */
const PLAIN_EVERY_MS = 5_000;

/**
 * Bytes of the files below `path`, for the bar's ETA. Links below it are not followed (`lstat`): a
 * link loop would make this count run forever, and a linked folder's size is only an estimate's error.
 * `path` itself, named by the user, is followed.
 */
export async function sizeOf(path: string, follow = true): Promise<number> {
  const info = await (follow ? stat(path) : lstat(path)).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.isFile() ? info.size : 0;
  const entries = await readdir(path).catch(() => []);
  let total = 0;
  for (const entry of entries) total += await sizeOf(join(path, entry), false);
  return total;
}

export interface Progress {
  update(items: number, characters: number): void;
  stop(): void;
}

/**
 * Progress on stderr: a bar with documents/s and an ETA (cli-progress) on a
 * terminal, a plain line every few seconds otherwise. The ETA compares the
 * text read with the size of the inputs, so it is rough for gzipped files.
 */
export async function startProgress(inputs: readonly string[]): Promise<Progress> {
  const started = Date.now();
  const rate = (items: number) => Math.round(items / Math.max(0.001, (Date.now() - started) / 1000));
  if (!process.stderr.isTTY) {
    let last = started;
    return {
      update(items) {
        if (Date.now() - last < PLAIN_EVERY_MS) return;
        last = Date.now();
        process.stderr.write(`trust-index: ${items} inputs read, ${rate(items)}/s\n`);
      },
      stop() {},
    };
  }
  const total = inputs.includes('-') ? 0 : (await Promise.all(inputs.map((input) => sizeOf(input)))).reduce((a, b) => a + b, 0);
  const bar = new cliProgress.SingleBar(
    { format: 'trust-index {bar} {percentage}% | {items} inputs | {rate}/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(1, total), 0, { items: 0, rate: 0 });
  return {
    update(items, characters) {
      bar.update(Math.min(characters, Math.max(1, total)), { items, rate: rate(items) });
    },
    stop() {
      bar.update(Math.max(1, total));
      bar.stop();
    },
  };
}
