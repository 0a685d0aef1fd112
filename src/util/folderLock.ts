import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file a run holds in its output folder and its cache folder. */
export const LOCK_FILE = '.trust-index.lock';

/** Whether a process with this id is running (EPERM: it is, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds: a lock naming this process is held only if it is among them. */
const held = new Set<string>();

/** A held lock; `release` removes its file (once, however often it is called). */
export interface FolderLock {
  release(): Promise<void>;
}

/**
 * Take the folder's lock: a file created only if none exists (`wx`), holding this process's id. A
 * lock whose process is gone (a killed run) is stale and taken over; one whose process runs means
 * another run is writing the folder, and this one fails at once rather than mix their files.
 * `what` names the folder in the message ("output folder", "cache").
 */
export async function lockFolder(dir: string, what: string): Promise<FolderLock> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
      held.add(path);
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          held.delete(path);
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    const running = holder === process.pid ? held.has(path) : Number.isInteger(holder) && processAlive(holder);
    // Two runs that found one stale lock: the one that lost the race to retake it sees the winner here.
    if (running || attempt >= 2) {
      throw new Error(`${path}: another trust-index run (process ${holder}) is using this ${what}; wait for it to finish`);
    }
    // A dead run's lock: take it over.
    await rm(path, { force: true });
  }
}
