import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { readLines } from './lines.js';

let temporaries = 0;

/** A temporary name beside the target, unique within this process. */
function temporaryPath(path: string): string {
  temporaries += 1;
  return `${path}.tmp-${process.pid}-${temporaries}`;
}

/**
 * Write a whole file atomically: to a temporary file beside it, then rename,
 * so a reader (or a killed run) never sees half a file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryPath(path);
  await writeFile(temporary, data);
  await rename(temporary, path);
}

/** Characters of lines gathered before one write to the stream. */
const BATCH_CHARACTERS = 64 * 1024;

/** A file written line by line as results stream, renamed into place only by `commit`. */
export class AtomicLineFile {
  private readonly stream: WriteStream;
  private readonly temporary: string;
  private draining: Promise<void> | null = null;
  /** Lines not yet handed to the stream: one stream write per ~64 KB, not per line (a write per line cost a tenth of a run). */
  private pending: string[] = [];
  private pendingLength = 0;

  private constructor(private readonly path: string) {
    this.temporary = temporaryPath(path);
    this.stream = createWriteStream(this.temporary, { encoding: 'utf8' });
  }

  static async open(path: string): Promise<AtomicLineFile> {
    await mkdir(dirname(path), { recursive: true });
    return new AtomicLineFile(path);
  }

  /** Append one line; waits when the stream's buffer is full so memory stays flat. */
  async writeLine(line: string): Promise<void> {
    this.pending.push(line);
    this.pendingLength += line.length + 1;
    if (this.pendingLength >= BATCH_CHARACTERS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.pendingLength = 0;
    if (this.stream.write(text)) return;
    // Writers that run concurrently wait for one shared 'drain', not a listener each.
    this.draining ??= once(this.stream, 'drain').then(() => {
      this.draining = null;
    });
    await this.draining;
  }

  /**
   * Finish the file and move it into place. With `keepLine`, lines it
   * rejects are dropped on the way, in one more streaming pass.
   */
  async commit(keepLine?: (line: string) => boolean): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if (!keepLine) {
      await rename(this.temporary, this.path);
      return;
    }
    const filtered = await AtomicLineFile.open(this.path);
    for await (const line of readLines(createReadStream(this.temporary))) {
      if (line !== '' && keepLine(line)) await filtered.writeLine(line);
    }
    await rm(this.temporary, { force: true });
    await filtered.commit();
  }

  async abandon(): Promise<void> {
    this.stream.destroy();
    await rm(this.temporary, { force: true });
  }
}

/** A temporary file's name in full: the target's name, `.tmp-`, the writing process, a count. */
const TEMPORARY = /^(.+)\.tmp-(\d+)-\d+$/;

/**
 * The process that wrote `name`, if it is a temporary file of this module for a target whose name
 * `target` matches in full (`segment-000001.jsonl.tmp-1234-1`); null for any other name, so a
 * user's `thesis.tmp-2024.docx` is never taken for one.
 */
export function temporaryOwner(name: string, target: RegExp): number | null {
  const match = TEMPORARY.exec(name);
  return match && target.test(match[1] as string) ? Number(match[2]) : null;
}
