import { createReadStream } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type Readable, pipeline } from 'node:stream';
import { text as streamText } from 'node:stream/consumers';
import { createGunzip } from 'node:zlib';
import { DEFAULT_FIELDS, type FieldMap } from './fields.js';
import { invalidUtf8, readJsonl, withoutBom } from './jsonl.js';
import { DEFAULT_LIMITS, type IngestLimits, LimitError, byteLimit, nestsDeeperThan } from './limits.js';
import { readPlainText } from './plainText.js';
import { type IngestItem, type RecordRange, skippedItem } from './records.js';
import { Utf8Check } from './utf8.js';
import { printable } from '../util/printable.js';
import type { NewsDocument } from '../types/document.js';

/** Formats by file extension (after any `.gz`). */
const FORMATS = new Map<string, Format>([
  ['.jsonl', 'jsonl'], ['.ndjson', 'jsonl'], ['.csv', 'csv'], ['.tsv', 'tsv'], ['.txt', 'text'], ['.md', 'text'],
  ['.html', 'html'], ['.htm', 'html'], ['.xml', 'feed'], ['.rss', 'feed'], ['.atom', 'feed'], ['.warc', 'warc'],
]);
type Format = 'jsonl' | 'csv' | 'tsv' | 'text' | 'html' | 'feed' | 'warc';

/** Formats whose records can be read a range at a time (`records`): lines and WARC records are counted as they stream. */
const RANGED_FORMATS: ReadonlySet<Format> = new Set(['jsonl', 'warc']);

export interface IngestOptions {
  /** Date for documents whose date cannot be found (`--date`); null leaves them undated. */
  defaultDate: string | null;
  /** Field names of JSONL and CSV records. */
  fields?: FieldMap;
  /** Folders not read, by `folderKey` (device and inode): the run's own output folder inside an input folder. */
  exclude?: ReadonlySet<string>;
  /** Bounds on one input's size and nesting; DEFAULT_LIMITS where not given. */
  limits?: Partial<IngestLimits>;
  /** Only these records of the one input (a JSONL or WARC file; see `recordRangeProblem`): a part of a file split between tasks. */
  records?: RecordRange;
}

function limitsOf(options: IngestOptions): IngestLimits {
  return { ...DEFAULT_LIMITS, ...options.limits };
}

/** The format of a path, looking through a `.gz` suffix; null for files we do not read. */
export function formatOf(path: string): Format | null {
  const name = path.toLowerCase().endsWith('.gz') ? path.slice(0, -3) : path;
  return FORMATS.get(extname(name).toLowerCase()) ?? null;
}

/** A folder's identity on disk, so one reached again through a link is not read twice (or forever). */
export function folderKey(info: { dev: number; ino: number }): string {
  return `${info.dev}:${info.ino}`;
}

function unreadableItem(origin: string, message: string): IngestItem {
  return skippedItem({ origin, id: null, reason: 'unreadable', message });
}

/** Why following a link failed, in words. */
function linkFailure(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT') return 'a link to nothing (dangling symlink)';
  if (code === 'ELOOP') return 'a symlink loop';
  return message;
}

/**
 * Read a directory's files in sorted order, so every run reads them alike, and its folders in turn.
 * A bad entry — a dangling link, a link loop, an unreadable folder, a FIFO — is skipped with its own
 * path and reason and the walk goes on; a folder reached twice through links is read once, and
 * folders in `exclude` (the run's output folder) are not read.
 */
async function* walk(dir: string, options: IngestOptions, seen: Set<string>, files: Set<string>): AsyncGenerator<IngestItem> {
  let entries: Dirent[];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (error) {
    yield unreadableItem(dir, `folder cannot be read: ${(error as Error).message}`);
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Links are followed to what they point at; a dangling one or a loop fails here, for this entry alone.
    let info: Stats;
    try {
      info = entry.isSymbolicLink() ? await stat(path) : await lstat(path);
    } catch (error) {
      if (entry.isSymbolicLink()) yield unreadableItem(path, linkFailure(error));
      else if (formatOf(path)) yield unreadableItem(path, (error as Error).message);
      continue;
    }
    if (info.isDirectory()) {
      const key = folderKey(info);
      if (seen.has(key) || options.exclude?.has(key)) continue;
      seen.add(key);
      yield* walk(path, options, seen, files);
    } else if (formatOf(path)) {
      // A FIFO would block the run, a socket or device cannot be read as news.
      if (info.isFile()) yield* readOnce(path, options, files);
      else yield unreadableItem(path, 'not a regular file');
    }
  }
}

/**
 * The items of a file not read before in this run, by its path: a path given twice (or a folder and a
 * file in it) would give documents with the same origins, which key their lines. The second reading is
 * reported instead.
 */
async function* readOnce(file: string, options: IngestOptions, files: Set<string>): AsyncGenerator<IngestItem> {
  if (files.has(file)) {
    yield skippedItem({ origin: file, id: null, reason: 'read-twice', message: 'this file was already read in this run' });
    return;
  }
  files.add(file);
  yield* readFile(file, options);
}

/** The items of one file; a file that fails partway (a truncated .gz, a read error) is reported and the run goes on. */
async function* readFile(file: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  try {
    const format = formatOf(file) ?? 'text';
    yield* readStream(open(file, limitsOf(options), format), file, format, options);
  } catch (error) {
    if (error instanceof LimitError) yield skippedItem({ origin: file, id: null, reason: error.reason, message: error.message });
    else yield unreadableItem(file, (error as Error).message);
  }
}

function open(path: string, limits: IngestLimits, format: Format): Readable {
  const file = createReadStream(path);
  // A .warc.gz is compressed record by record, and its reader decompresses it: offsets name places in the file as stored.
  if (!path.toLowerCase().endsWith('.gz') || format === 'warc') return file;
  // pipeline, not pipe: a failing file or gunzip must fail the stream its reader waits on.
  return pipeline(file, createGunzip(), byteLimit(limits.decompressedBytes, 'decompressed'), () => undefined);
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
  const limits = limitsOf(options);
  const text = withoutBom(await streamText(pipeline(input, byteLimit(limits.fileBytes, 'file'), () => undefined)));
  const problem = unreadable(text, path, utf8);
  if (problem) {
    yield problem;
    return;
  }
  // Depth is counted before parsing: the parser itself is what a deep page makes slow.
  if (format !== 'text' && nestsDeeperThan(text, limits.markupDepth)) {
    yield skippedItem({ origin: path, id: null, reason: 'too-deep', message: `elements nest deeper than ${limits.markupDepth} levels` });
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
async function* readFormat(bytes: Readable, path: string, format: Format, options: IngestOptions): AsyncGenerator<IngestItem> {
  const fields = options.fields ?? DEFAULT_FIELDS;
  const limits = limitsOf(options);
  const { lineChars, csvColumns } = limits;
  // A WARC holds HTTP responses in their own encodings, each page decoded by the charset it declares.
  if (format === 'warc') {
    yield* (await import('./warc.js')).readWarc(bytes, path, options.defaultDate, limits, options.records);
    return;
  }
  const utf8 = new Utf8Check();
  // pipeline, not pipe: a read error reaches the reader, and a reader that stops (a limit) closes the file.
  const input = pipeline(bytes, utf8, () => undefined);
  const invalid = utf8.invalidLines;
  if (format === 'jsonl') yield* readJsonl(input, path, options.defaultDate, fields, lineChars, invalid, options.records);
  else if (format === 'csv' || format === 'tsv') {
    yield* (await import('./csv.js')).readCsv(input, path, format === 'csv' ? ',' : '\t', options.defaultDate, fields, lineChars, csvColumns, invalid);
  }
  else yield* readWhole(input, path, format, options, utf8);
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
 * Why `records` cannot be read from `paths`, or null when it can: a range of records is read from one
 * JSONL or WARC file (a range over several files, or a folder's, would mean nothing stable).
 */
export function recordRangeProblem(paths: readonly string[], records: RecordRange): string | null {
  if (!(Number.isInteger(records.first) && Number.isInteger(records.last) && records.first >= 1 && records.last >= records.first)) {
    return `a range of records is FIRST-LAST, whole numbers with 1 ≤ FIRST ≤ LAST, got ${records.first}-${records.last}`;
  }
  const format = paths.length === 1 && paths[0] !== '-' ? formatOf(paths[0] as string) : null;
  if (format === null || !RANGED_FORMATS.has(format)) return 'a range of records is read from one JSONL or WARC file';
  return null;
}

/** The items of one input, a document longer than the limit skipped (its analysis would be unbounded). */
async function* readStream(input: Readable, path: string, format: Format, options: IngestOptions): AsyncGenerator<IngestItem> {
  const { documentChars } = limitsOf(options);
  for await (const item of readFormat(input, path, format, options)) {
    const size = item.kind === 'document' ? item.document.title.length + item.document.text.length : 0;
    if (size <= documentChars) yield item;
    else {
      const { origin, id } = (item as { document: NewsDocument }).document;
      yield skippedItem({ origin, id, reason: 'too-large', message: `${size} characters of text, over the limit of ${documentChars}` });
    }
  }
}

/**
 * Stream documents from files and directories — JSONL/NDJSON, CSV/TSV, RSS
 * and Atom feeds, HTML pages, .txt/.md, each optionally gzipped — or from
 * standard input (`-`, read as JSONL). A path, a folder entry or a file
 * that cannot be read is reported with its own path and reason, and the
 * other inputs are still read.
 */
export async function* readInputs(paths: readonly string[], options: IngestOptions, stdin: Readable = process.stdin): AsyncGenerator<IngestItem> {
  const files = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      yield* readStream(stdin, '<stdin>', 'jsonl', options);
      continue;
    }
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      yield unreadableItem(path, (error as Error).message);
      continue;
    }
    if (!info.isDirectory()) yield* readOnce(path, options, files);
    else if (!options.exclude?.has(folderKey(info))) yield* walk(path, options, new Set([folderKey(info)]), files);
  }
}
