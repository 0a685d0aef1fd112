import { closeSync, openSync, readSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { AtomicLineFile } from './atomicFile.js';

/**
 * Lines written in any order under a key (a document id), then copied into
 * the final file in an order chosen at the end (date, then id), so a run's
 * output does not depend on the order its inputs arrived in — and two shard
 * runs merge into exactly the file one run would write. Only each key's
 * byte range is held in memory; the lines wait in a temporary file.
 */
export class KeyedLineStore {
  /** Each key's block number; blocks' offsets and lengths sit in one typed array, not an array per key. */
  private readonly blocks = new Map<string, number>();
  private ranges = new Float64Array(2048);
  private offset = 0;

  private constructor(
    private readonly scratch: AtomicLineFile,
    private readonly scratchPath: string,
    private readonly target: string,
  ) {}

  static async open(target: string): Promise<KeyedLineStore> {
    const scratchPath = `${target}.unsorted-${process.pid}`;
    return new KeyedLineStore(await AtomicLineFile.open(scratchPath), scratchPath, target);
  }

  /** Write the lines of one key; a key is written once. */
  async write(key: string, lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    const text = `${lines.join('\n')}\n`;
    const length = Buffer.byteLength(text);
    const block = this.blocks.size;
    if (2 * block + 2 > this.ranges.length) {
      const bigger = new Float64Array(this.ranges.length * 2);
      bigger.set(this.ranges);
      this.ranges = bigger;
    }
    this.blocks.set(key, block);
    this.ranges[2 * block] = this.offset;
    this.ranges[2 * block + 1] = length;
    this.offset += length;
    await this.scratch.writeLine(text.slice(0, -1));
  }

  /** Write the target file with the blocks of `keys`, in that order, then drop the scratch file. */
  async commit(keys: Iterable<string>): Promise<void> {
    await this.scratch.commit();
    const out = await AtomicLineFile.open(this.target);
    const fd = openSync(this.scratchPath, 'r');
    try {
      for (const key of keys) {
        const block = this.blocks.get(key);
        if (block === undefined) continue;
        const length = this.ranges[2 * block + 1] as number;
        const buffer = Buffer.alloc(length);
        readSync(fd, buffer, 0, length, this.ranges[2 * block] as number);
        await out.writeLine(buffer.toString('utf8', 0, length - 1));
      }
    } finally {
      closeSync(fd);
    }
    await out.commit();
    await rm(this.scratchPath, { force: true });
  }

  async abandon(): Promise<void> {
    await this.scratch.abandon();
    await rm(this.scratchPath, { force: true });
  }
}
