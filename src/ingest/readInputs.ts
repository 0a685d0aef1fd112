import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { text as streamText } from 'node:stream/consumers';
import { createGunzip } from 'node:zlib';
import { DEFAULT_FIELDS, type FieldMap } from './fields.js';
import { invalidUtf8, readJsonl, withoutBom } from './jsonl.js';
import { readPlainText } from './plainText.js';
import { type IngestItem, skippedItem } from './records.js';
import { Utf8Check } from './utf8.js';

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
 * bytes), or not UTF-8 (bytes the check found invalid, from their first line).
 */
function unreadable(text: string, path: string, utf8: Utf8Check): IngestItem | null {
  if (text.trim() === '') return skippedItem({ origin: path, id: null, reason: 'empty', message: 'the file is empty' });
  if (text.includes('\u0000')) return skippedItem({ origin: path, id: null, reason: 'binary', message: 'the file holds binary data' });
  const invalid = utf8.firstInvalidLine();
  return invalid === null ? null : invalidUtf8(`${path}:${invalid}`);
}

async function* readWhole(input: Readable, path: string, format: 'text' | 'html' | 'feed', options: IngestOptions, utf8: Utf8Check): AsyncGenerator<IngestItem> {
  const text = withoutBom(await streamText(input));
  const problem = unreadable(text, path, utf8);
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
async function* readStream(bytes: Readable, path: string, format: Format, options: IngestOptions): AsyncGenerator<IngestItem> {
  const fields = options.fields ?? DEFAULT_FIELDS;
  const utf8 = new Utf8Check();
  bytes.on('error', (error) => utf8.destroy(error));
  const input = bytes.pipe(utf8);
  const invalid = utf8.invalidLines;
  if (format === 'jsonl') yield* readJsonl(input, path, options.defaultDate, fields, invalid);
  else if (format === 'csv' || format === 'tsv') yield* (await import('./csv.js')).readCsv(input, path, format === 'csv' ? ',' : '\t', options.defaultDate, fields, invalid);
  else yield* readWhole(input, path, format, options, utf8);
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
