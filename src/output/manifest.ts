import { readFile, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomicFile.js';

/** The list of files the last run wrote into its output folder: the only files a later run removes. */
export const MANIFEST = 'trust-index-files.json';

/** A name a run writes: a file in the folder or in its charts/ folder, nothing that climbs out of it. */
const OUTPUT_NAME = /^(?:charts\/)?[\w-][\w.-]*$/;

interface Manifest {
  tool: 'trust-index';
  files: string[];
}

/** The files the previous run listed; none when there is no manifest or it is not one of ours. */
async function previousFiles(dir: string): Promise<string[]> {
  let parsed: Partial<Manifest>;
  try {
    parsed = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
  } catch {
    return [];
  }
  if (parsed.tool !== 'trust-index' || !Array.isArray(parsed.files)) return [];
  return parsed.files.filter((f): f is string => typeof f === 'string' && OUTPUT_NAME.test(f) && !f.includes('..'));
}

/**
 * The files the previous run's manifest in `dir` lists that this run (`files`) does not write again:
 * charts of pairs no longer reported, alerts no longer asked for. A file the tool never listed (the
 * user's own) is never among them.
 */
export async function staleOutputs(dir: string, files: readonly string[]): Promise<string[]> {
  const current = new Set(files);
  return (await previousFiles(dir)).filter((f) => !current.has(f));
}

/** Remove the stale outputs from `dir`; a charts/ folder they emptied goes too, one that still holds a file (the user's) stays. */
export async function removeOutputs(dir: string, stale: readonly string[]): Promise<void> {
  for (const file of stale) await rm(join(dir, file), { force: true });
  if (stale.some((f) => dirname(f) === 'charts')) await rmdir(join(dir, 'charts')).catch(() => undefined);
}

/** Write the manifest listing `files` into `dir` (a run writes it into its staging folder). */
export async function writeManifest(dir: string, files: readonly string[]): Promise<void> {
  const manifest: Manifest = { tool: 'trust-index', files: [...new Set(files)].sort() };
  await writeFileAtomic(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}
