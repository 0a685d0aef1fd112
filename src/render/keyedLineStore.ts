import { AtomicLineFile } from './atomicFile.js';
import { BlockFile } from '../blockFile.js';

/**
 * Lines written in any order under a key (a document id), then copied into
 * the final file in an order chosen at the end (date, then id), so a run's
 * output does not depend on the order its inputs arrived in — and two shard
 * runs merge into exactly the file one run would write. Only each key's
 * block number is held in memory; the lines wait in a scratch file.
 */
export class KeyedLineStore {
  private readonly blocks = new Map<string, number>();

  private constructor(
    private readonly scratch: BlockFile,
    private readonly target: string,
  ) {}

  static async open(target: string): Promise<KeyedLineStore> {
    return new KeyedLineStore(await BlockFile.open(`${target}.unsorted-${process.pid}`), target);
  }

  /** Write the lines of one key; a key is written once. */
  async write(key: string, lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    const { block, written } = this.scratch.append(lines.join('\n'));
    this.blocks.set(key, block);
    await written;
  }

  private closed: Promise<void> | null = null;

  /** Stop writing: from then on a key's lines can be read back. */
  close(): Promise<void> {
    this.closed ??= this.scratch.close();
    return this.closed;
  }

  /** The lines written under `key` (none for a key never written), once the store is closed. */
  lines(key: string): string[] {
    const block = this.blocks.get(key);
    return block === undefined ? [] : this.scratch.read(block).split('\n');
  }

  /** Write the target file with the blocks of `keys`, in that order, then drop the scratch file. */
  async commit(keys: Iterable<string>): Promise<void> {
    await this.close();
    const out = await AtomicLineFile.open(this.target);
    for (const key of keys) {
      const block = this.blocks.get(key);
      if (block !== undefined) await out.writeLine(this.scratch.read(block));
    }
    await out.commit();
    await this.scratch.remove();
  }

  async abandon(): Promise<void> {
    await this.scratch.remove();
  }
}
