import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { isoDay } from './dates.js';
import { inferDate } from './inferDate.js';
import { contentId } from './identity.js';
import { type IngestItem, documentItem, skippedItem } from './records.js';

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * Turn one parsed JSON line into a document, or say why it cannot be one.
 * Fields: id, date, title, text (required), url, source.
 */
export function recordToItem(record: unknown, origin: string, defaultDate: string | null): IngestItem {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return skippedItem({ origin, id: null, reason: 'not-a-record', message: 'line is JSON but not an object' });
  }
  const fields = new Map(Object.entries(record));
  const body = text(fields.get('text'));
  const id = text(fields.get('id')) ?? (body ? contentId(body) : null);
  if (!body || body.trim() === '') {
    return skippedItem({ origin, id, reason: 'missing-text', message: 'no "text" field, or it is empty' });
  }
  const given = isoDay(fields.get('date'));
  const url = text(fields.get('url'));
  const found = given ? { date: given, rule: 'metadata' } : inferDate(body, url, defaultDate);
  return documentItem({
    id: id ?? contentId(body),
    date: found?.date ?? null,
    ...(found ? { dateRule: found.rule } : {}),
    title: text(fields.get('title')) ?? '',
    text: body,
    url,
    source: text(fields.get('source')),
    origin,
  });
}

/**
 * Stream a JSONL file one document a line. A line that is not valid JSON is
 * reported with its file and line number and the rest of the file is read.
 */
export async function* readJsonl(path: string, defaultDate: string | null): AsyncGenerator<IngestItem> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const origin = `${path}:${lineNumber}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      yield skippedItem({ origin, id: null, reason: 'malformed-json', message: (error as Error).message });
      continue;
    }
    yield recordToItem(record, origin, defaultDate);
  }
}
