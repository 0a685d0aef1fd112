import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type FolderLock, lockFolder, processAlive } from '../util/folderLock.js';

/** The folder a run writes into before its files are moved into place: `.trust-index-staging-PID`. */
const STAGING = /^\.trust-index-staging-(\d+)$/;

/** Every file below `dir`, as paths relative to it. */
async function filesBelow(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...(await filesBelow(dir, path)));
    else files.push(path);
  }
  return files;
}

/**
 * A run's output folder, held for the run: locked, so a second run into it fails at once instead of
 * mixing files, and written through a staging folder inside it, so the previous outputs stay exactly
 * as they were until the run has written everything. `publish` then moves each file into place (one
 * rename each, which needs no space); a failed run's `abandon` removes the staging folder.
 */
export class OutputFolder {
  private constructor(
    readonly out: string,
    /** Where this run writes every file, scratch files included. */
    readonly staging: string,
    private readonly lock: FolderLock,
  ) {}

  static async open(out: string): Promise<OutputFolder> {
    const lock = await lockFolder(out, 'output folder');
    try {
      // A killed run's staging folder; only folders of exactly this name whose process is gone.
      for (const entry of await readdir(out, { withFileTypes: true })) {
        const match = STAGING.exec(entry.name);
        if (match && entry.isDirectory() && (Number(match[1]) === process.pid || !processAlive(Number(match[1])))) {
          await rm(join(out, entry.name), { recursive: true, force: true });
        }
      }
      const staging = join(out, `.trust-index-staging-${process.pid}`);
      await mkdir(staging);
      return new OutputFolder(out, staging, lock);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /**
   * Move every file of the staging folder into the output folder, then drop the staging folder and
   * the lock. The files named in `last` (the manifest) are moved after the others and after
   * `beforeLast` has run (removing the previous run's stale files), so until then the folder's
   * manifest is still the previous one and lists every file the tool may have left.
   */
  async publish(last: readonly string[] = [], beforeLast?: () => Promise<void>): Promise<void> {
    try {
      const files = await filesBelow(this.staging);
      const final = new Set(last);
      await this.move(files.filter((f) => !final.has(f)));
      await beforeLast?.();
      await this.move(files.filter((f) => final.has(f)));
    } finally {
      await this.abandon();
    }
  }

  private async move(files: readonly string[]): Promise<void> {
    for (const file of files) {
      await mkdir(dirname(join(this.out, file)), { recursive: true });
      await rename(join(this.staging, file), join(this.out, file));
    }
  }

  /** Drop what this run wrote and the lock; the previous outputs are untouched. */
  async abandon(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
    await this.lock.release();
  }
}
