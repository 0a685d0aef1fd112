import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { text as streamText } from 'node:stream/consumers';
import { createGunzip } from 'node:zlib';
import { DEFAULT_FIELDS, type FieldMap } from './fields.js';
import { readJsonl } from './jsonl.js';
import { readPlainText } from './plainText.js';
import { type IngestItem, skippedItem } from './records.js';
import { printable } from '../util/printable.js';

/** Formats by file extension (after any `.gz`). */
const FORMATS = new Map<string, Format>([
  ['.jsonl', 'jsonl'], ['.ndjson', 'jsonl'], ['.csv', 'csv'], ['.tsv', 'tsv'], ['.txt', 'text'], ['.md', 'text'],
  ['.html', 'html'], ['.htm', 'html'], ['.xml', 'feed'], ['.rss', 'feed'], ['.atom', 'feed'],
]);
type Format = 'jsonl' | 'csv' | 'tsv' | 'text' | 'html' | 'feed';

export interface IngestOptions {
  /** Date for documents whose date cannot be found (`--date`); null leaves them undated. */
  defaultDate: string | null;
  /** Field names of JSONL and CSV records. */
  fields?: FieldMap;
}

/** The format of a path, looking through a `.gz` suffix; null for files we do not read. */
export function formatOf(path: string): Format | null {
  const name = path.toLowerCase().endsWith('.gz') ? path.slice(0, -3) : path;
  return FORMATS.get(extname(name).toLowerCase()) ?? null;
}

/** Files below a directory that we can read, in sorted order so every run reads them alike. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (formatOf(path)) yield path;
  }
}

function open(path: string): Readable {
  const file = createReadStream(path);
  return path.toLowerCase().endsWith('.gz') ? file.pipe(createGunzip()) : file;
}

/**
 * Why a whole file's text cannot be read, if it cannot: empty, binary (NUL
 * bytes), or not UTF-8 (replacement characters where bytes were invalid).
 */
function unreadable(text: string, path: string): IngestItem | null {
  if (text.trim() === '') return skippedItem({ origin: path, id: null, reason: 'empty', message: 'the file is empty' });
  if (text.includes('\u0000')) return skippedItem({ origin: path, id: null, reason: 'binary', message: 'the file holds binary data' });
  const invalid = text.match(/\uFFFD/g)?.length ?? 0;
  if (invalid > 0 && invalid / text.length > 0.001) {
    return skippedItem({ origin: path, id: null, reason: 'invalid-utf8', message: `${invalid} bytes are not valid UTF-8` });
  }
  return null;
}

async function* readWhole(input: Readable, path: string, format: 'text' | 'html' | 'feed', options: IngestOptions): AsyncGenerator<IngestItem> {
  const text = await streamText(input);
  const problem = unreadable(text, path);
  if (problem) {
    yield problem;
    return;
  }
  if (format === 'html') yield (await import('./html.js')).readHtml(text, path, options.defaultDate);
  else if (format === 'feed') yield* (await import('./feed.js')).readFeed(text, path, options.defaultDate);
  else yield* readPlainText(text, basename(path).replace(/\.gz$/i, ''), path, options.defaultDate);
}

/**
 * Readers of CSV, feeds and HTML are loaded when a file of their kind comes: their parsers (a DOM,
 * an XML parser; ~20–40 MB of memory) would otherwise stay loaded through a run that reads JSONL.
 */
async function* readStream(input: Readable, path: string, format: Format, options: IngestOptions): AsyncGenerator<IngestItem> {
  const fields = options.fields ?? DEFAULT_FIELDS;
  if (format === 'jsonl') yield* readJsonl(input, path, options.defaultDate, fields);
  else if (format === 'csv' || format === 'tsv') yield* (await import('./csv.js')).readCsv(input, path, format === 'csv' ? ',' : '\t', options.defaultDate, fields);
  else yield* readWhole(input, path, format, options);
}

/** An input path that does not exist: a run given one stops before it reads or writes anything. */
export class MissingInputError extends Error {
  /** `where` says where the path was given, for a path that did not come from the command line. */
  constructor(readonly path: string, where?: string) {
    super(`${printable(path)}${where === undefined ? '' : ` (${printable(where)})`}: no such file or directory`);
  }
}

/**
 * Throw MissingInputError for the first input that does not exist (`-` is standard input), so a
 * typo in a scheduled job's paths fails before any output is touched instead of making an empty report.
 */
export async function checkInputsExist(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    if (path === '-') continue;
    try {
      await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new MissingInputError(path);
    }
  }
}

/**
 * Stream documents from files and directories — JSONL/NDJSON, CSV/TSV, RSS
 * and Atom feeds, HTML pages, .txt/.md, each optionally gzipped — or from
 * standard input (`-`, read as JSONL). A path that cannot be read is
 * reported and the other inputs are still read.
 */
export async function* readInputs(paths: readonly string[], options: IngestOptions, stdin: Readable = process.stdin): AsyncGenerator<IngestItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* readStream(stdin, '<stdin>', 'jsonl', options);
      continue;
    }
    try {
      const info = await stat(path);
      const files = info.isDirectory() ? walk(path) : (async function* () { yield path; })();
      for await (const file of files) {
        const format = formatOf(file) ?? 'text';
        yield* readStream(open(file), file, format, options);
      }
    } catch (error) {
      yield skippedItem({ origin: path, id: null, reason: 'unreadable', message: (error as Error).message });
    }
  }
}
