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
  private readonly ranges = new Map<string, [offset: number, length: number]>();
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
    const block = `${lines.join('\n')}\n`;
    const length = Buffer.byteLength(block);
    this.ranges.set(key, [this.offset, length]);
    this.offset += length;
    await this.scratch.writeLine(block.slice(0, -1));
  }

  /** Write the target file with the blocks of `keys`, in that order, then drop the scratch file. */
  async commit(keys: Iterable<string>): Promise<void> {
    await this.scratch.commit();
    const out = await AtomicLineFile.open(this.target);
    const fd = openSync(this.scratchPath, 'r');
    try {
      for (const key of keys) {
        const range = this.ranges.get(key);
        if (!range) continue;
        const buffer = Buffer.alloc(range[1]);
        readSync(fd, buffer, 0, range[1], range[0]);
        await out.writeLine(buffer.toString('utf8', 0, range[1] - 1));
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
