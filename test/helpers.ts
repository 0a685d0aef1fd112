import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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

/** The records of a JSON Lines output file. */
export function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);
}

/** Every file of an output folder, charts included, sorted. */
export function outputFiles(dir: string): string[] {
  return [
    ...readdirSync(dir).filter((f) => f !== 'charts'),
    ...readdirSync(join(dir, 'charts')).map((f) => `charts/${f}`),
  ].sort();
}

/** Output files that name where inputs were read (`file:line`), which differ with the split into shards. */
export const LOCATED = ['skipped.jsonl', 'origins.jsonl'];

/** Whether an output file is a function of the documents alone, not of where they were read. */
export const unlocated = (file: string): boolean => !LOCATED.includes(file);

/** Files whose bytes differ between two output folders (or that only one has). */
export function differingOutputs(a: string, b: string, keep: (file: string) => boolean = () => true): string[] {
  const files = [...new Set([...outputFiles(a), ...outputFiles(b)])].filter(keep).sort();
  return files.filter((f) => !existsSync(join(a, f)) || !existsSync(join(b, f)) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

/** A copy of `items` in a random order (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Every file below a folder, by its path relative to it, with its bytes: to tell whether anything in it changed. */
export function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return new Map(files.map((d) => [relative(dir, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name), 'base64')]));
}
