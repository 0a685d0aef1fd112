import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Shared evaluation data lives beside the repository; users who clone it do not have it. */
export const SHARED = join(ROOT, '..', 'shared');
export const SEED = join(SHARED, 'seeds', '000_8dde700422821c54.txt');
export const HAS_SHARED = existsSync(SEED);
if (!HAS_SHARED) console.warn(`[trust-index tests] ${SHARED} not found: tests that need the shared data are skipped`);

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `trust-index-${prefix}-`));
}

export const CLI = join(ROOT, 'dist', 'cli', 'main.js');
