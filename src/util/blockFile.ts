import { closeSync, openSync, readSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { AtomicLineFile } from './atomicFile.js';

/** Blocks up to this size are read through one reused buffer. */
const READ_BUFFER_BYTES = 1 << 20;

/**
 * A scratch file of text blocks: appended as results stream, numbered in
 * order, and read back by number once the file is closed. Only each block's
 * offset and length stay in memory, in one typed array, so a run can set
 * aside what it needs of every document at the end (its record, its
 * sentences, its article scores) without holding it on the heap.
 */
export class BlockFile {
  private ranges = new Float64Array(2048);
  private count = 0;
  private offset = 0;
  private fd: number | null = null;
  private readBuffer: Buffer | null = null;

  private constructor(
    private readonly scratch: AtomicLineFile,
    private readonly path: string,
  ) {}

  /** A new scratch file at `path` (named `….unsorted-PID`, so a later run can tell a dead run's leftovers). */
  static async open(path: string): Promise<BlockFile> {
    return new BlockFile(await AtomicLineFile.open(path), path);
  }

  /**
   * Append a block of text (no trailing newline needed). Its number is given
   * at once, so callers that run concurrently number their blocks in call
   * order; `written` resolves when the stream can take more.
   */
  append(text: string): { block: number; written: Promise<void> } {
    const block = this.count;
    const length = Buffer.byteLength(text) + 1;
    if (2 * block + 2 > this.ranges.length) {
      const bigger = new Float64Array(this.ranges.length * 2);
      bigger.set(this.ranges);
      this.ranges = bigger;
    }
    this.ranges[2 * block] = this.offset;
    this.ranges[2 * block + 1] = length;
    this.offset += length;
    this.count += 1;
    return { block, written: this.scratch.writeLine(text) };
  }

  /** Finish writing; blocks can be read from then on. */
  async close(): Promise<void> {
    await this.scratch.commit();
    this.fd = openSync(this.path, 'r');
  }

  /** The text of a block, once the file is closed. */
  read(block: number): string {
    if (this.fd === null) throw new Error(`${this.path}: read before close`);
    if (!(block >= 0 && block < this.count)) throw new Error(`${this.path}: no block ${block}`);
    const length = this.ranges[2 * block + 1] as number;
    // One buffer serves every read (a fresh zero-filled one per block cost ~80 ms of Reuters' read-back);
    // a block larger than it gets its own, so one huge document does not pin a huge buffer.
    this.readBuffer ??= Buffer.allocUnsafe(READ_BUFFER_BYTES);
    const buffer = length <= READ_BUFFER_BYTES ? this.readBuffer : Buffer.allocUnsafe(length);
    readSync(this.fd, buffer, 0, length, this.ranges[2 * block] as number);
    return buffer.toString('utf8', 0, length - 1);
  }

  /** Delete the file, written or not. */
  async remove(): Promise<void> {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    await this.scratch.abandon();
    await rm(this.path, { force: true });
  }
}
