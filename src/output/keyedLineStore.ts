import { AtomicLineFile } from '../util/atomicFile.js';
import { BlockFile } from '../util/blockFile.js';

/**
 * Lines written in any order under a key (a document id), then copied into
 * final files in an order chosen at the end (date, then id), so a run's
 * output does not depend on the order its inputs arrived in — and two shard
 * runs merge into exactly the files one run would write. One store feeds
 * several files (a document's sentences, its state line), keyed once: only
 * each key's row of block numbers is held in memory; the lines wait in
 * scratch files.
 */
export class KeyedLineStore {
  private readonly rows = new Map<string, number>();
  /** For row r and file f, at r·files + f: the block of that key's lines in that file's scratch, −1 for none. */
  private blocks = new Int32Array(1024);
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly scratches: BlockFile[],
    private readonly targets: string[],
  ) {}

  /** A store writing the files `targets`, in this order wherever lines are given per file. */
  static async open(...targets: string[]): Promise<KeyedLineStore> {
    const scratches = await Promise.all(targets.map((target) => BlockFile.open(`${target}.unsorted-${process.pid}`)));
    return new KeyedLineStore(scratches, targets);
  }

  /** Write the lines of one key, a list per file (a missing list is none); a key is written once. */
  async write(key: string, ...files: ReadonlyArray<readonly string[]>): Promise<void> {
    const width = this.targets.length;
    const row = this.rows.size;
    if ((row + 1) * width > this.blocks.length) {
      const bigger = new Int32Array(this.blocks.length * 2);
      bigger.set(this.blocks);
      this.blocks = bigger;
    }
    this.rows.set(key, row);
    const writes = this.scratches.map((scratch, file) => {
      const lines = files[file] ?? [];
      if (lines.length === 0) {
        this.blocks[row * width + file] = -1;
        return undefined;
      }
      const { block, written } = scratch.append(lines.join('\n'));
      this.blocks[row * width + file] = block;
      return written;
    });
    await Promise.all(writes);
  }

  private block(key: string, file: number): number {
    const row = this.rows.get(key);
    return row === undefined ? -1 : (this.blocks[row * this.targets.length + file] as number);
  }

  /** Stop writing: from then on a key's lines can be read back. */
  close(): Promise<void> {
    this.closed ??= Promise.all(this.scratches.map((scratch) => scratch.close())).then(() => undefined);
    return this.closed;
  }

  /** The lines written under `key` for one file (none for a key never written), once the store is closed. */
  lines(key: string, file = 0): string[] {
    const block = this.block(key, file);
    return block < 0 ? [] : (this.scratches[file] as BlockFile).read(block).split('\n');
  }

  /** Write each target file with the blocks of its keys (a list per file), in that order, then drop the scratch files. */
  async commit(...keysPerFile: Iterable<string>[]): Promise<void> {
    await this.close();
    for (const [file, target] of this.targets.entries()) {
      const out = await AtomicLineFile.open(target);
      for (const key of keysPerFile[file] ?? []) {
        const block = this.block(key, file);
        if (block >= 0) await out.writeLine((this.scratches[file] as BlockFile).read(block));
      }
      await out.commit();
    }
    await Promise.all(this.scratches.map((scratch) => scratch.remove()));
  }

  async abandon(): Promise<void> {
    await Promise.all(this.scratches.map((scratch) => scratch.remove()));
  }
}
