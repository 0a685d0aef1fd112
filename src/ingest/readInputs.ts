import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { readJsonl } from './jsonl.js';
import { readPlainText } from './plainText.js';
import { type IngestItem, skippedItem } from './records.js';

const JSONL = new Set(['.jsonl', '.ndjson']);
const TEXT = new Set(['.txt', '.md']);

export interface IngestOptions {
  /** Date given to documents that carry none (`--date`); null leaves them undated. */
  defaultDate: string | null;
}

/** Files below a directory, in sorted order so every run reads them alike. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (JSONL.has(extname(path)) || TEXT.has(extname(path))) yield path;
  }
}

async function* readFile(path: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  const ext = extname(path).toLowerCase();
  if (JSONL.has(ext)) yield* readJsonl(path, options.defaultDate);
  else yield* readPlainText(path, options.defaultDate);
}

/**
 * Stream documents from files and directories (JSONL/NDJSON, .txt, .md).
 * An unreadable path is reported and the other inputs are still read.
 */
export async function* readInputs(paths: readonly string[], options: IngestOptions): AsyncGenerator<IngestItem> {
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        for await (const file of walk(path)) yield* readFile(file, options);
      } else {
        yield* readFile(path, options);
      }
    } catch (error) {
      yield skippedItem({ origin: path, id: null, reason: 'unreadable', message: (error as Error).message });
    }
  }
}
