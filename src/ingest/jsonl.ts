import type { Readable } from 'node:stream';
import { isoDay } from './dates.js';
import { DEFAULT_FIELDS, type FieldMap } from './fields.js';
import { inferDate } from './inferDate.js';
import { readLines } from '../util/lines.js';
import { contentId } from './identity.js';
import { type IngestItem, type RecordRange, documentItem, inRange, skippedItem } from './records.js';

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * Turn one parsed record (a JSON line, a CSV row) into a document, or say why
 * it cannot be one. Fields by `fields`: id, date, title, text (required),
 * url, source.
 */
export function recordToItem(record: unknown, origin: string, defaultDate: string | null, fields: FieldMap = DEFAULT_FIELDS): IngestItem {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return skippedItem({ origin, id: null, reason: 'not-a-record', message: 'line is JSON but not an object' });
  }
  const values = new Map(Object.entries(record));
  const body = text(values.get(fields.text));
  const id = text(values.get(fields.id)) ?? (body ? contentId(body) : null);
  if (!body || body.trim() === '') {
    return skippedItem({ origin, id, reason: 'missing-text', message: `no "${fields.text}" field, or it is empty` });
  }
  const given = isoDay(values.get(fields.date));
  const url = text(values.get(fields.url));
  const found = given ? { date: given, rule: 'metadata' } : inferDate(body, url, defaultDate);
  return documentItem({
    id: id ?? contentId(body),
    date: found?.date ?? null,
    ...(found ? { dateRule: found.rule } : {}),
    title: text(values.get(fields.title)) ?? '',
    text: body,
    url,
    source: text(values.get(fields.source)),
    origin,
  });
}

/** The skip of a line or file holding bytes that are not UTF-8 (see Utf8Check). */
export function invalidUtf8(origin: string): IngestItem {
  return skippedItem({ origin, id: null, reason: 'invalid-utf8', message: 'bytes that are not valid UTF-8 (is the file in another encoding?)' });
}

/** A byte-order mark at the start of a file, which editors on Windows write; it is not part of the text. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Stream a JSONL file one document a line. A line that is not valid JSON, or
 * longer than `maxLineChars` (dropped as it streams), or among `invalidLines`
 * (bytes that are not UTF-8), is reported with its file and line number and
 * the rest of the file is read. With `lines`, only those lines are read, each with its number in the file.
 */
export async function* readJsonl(
  input: Readable,
  path: string,
  defaultDate: string | null,
  fields: FieldMap = DEFAULT_FIELDS,
  maxLineChars = Number.POSITIVE_INFINITY,
  invalidLines: ReadonlySet<number> = new Set(),
  lines?: RecordRange,
): AsyncGenerator<IngestItem> {
  let lineNumber = 0;
  for await (const read of readLines(input, maxLineChars)) {
    lineNumber += 1;
    // Lines outside the range are another task's: not even parsed, and none after it read.
    if (lines && lineNumber > lines.last) return;
    if (!inRange(lineNumber, lines)) continue;
    const origin = `${path}:${lineNumber}`;
    if (read === null) {
      yield skippedItem({ origin, id: null, reason: 'too-large', message: `line longer than ${maxLineChars} characters` });
      continue;
    }
    const line = lineNumber === 1 ? withoutBom(read) : read;
    if (line.trim() === '') continue;
    if (invalidLines.has(lineNumber)) {
      yield invalidUtf8(origin);
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      yield skippedItem({ origin, id: null, reason: 'malformed-json', message: (error as Error).message });
      continue;
    }
    yield recordToItem(record, origin, defaultDate, fields);
  }
}
