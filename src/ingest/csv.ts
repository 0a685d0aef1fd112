import type { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { DEFAULT_FIELDS, type FieldMap } from './fields.js';
import { invalidUtf8, recordToItem } from './jsonl.js';
import { LimitError } from './limits.js';
import { type IngestItem, skippedItem } from './records.js';

/** A header that names a column we read twice: which value was meant cannot be known. */
class RepeatedColumn extends Error {
  constructor(readonly column: string) {
    super(`column ${JSON.stringify(column)} appears more than once in the header`);
  }
}

function checkedHeader(header: string[], fields: FieldMap): string[] {
  const read = new Set(Object.values(fields));
  const repeated = header.find((name, i) => read.has(name) && header.indexOf(name) !== i);
  if (repeated !== undefined) throw new RepeatedColumn(repeated);
  return header;
}

/**
 * Stream a CSV or TSV file with a header row (csv-parse: quoting, embedded
 * newlines and delimiters handled). A row with the wrong number of fields, or
 * with bytes that are not UTF-8 (`invalidLines`), is reported with its line and
 * the rest of the file is read; a header naming a column we read twice skips the file.
 * A header with more than `maxColumns` columns fails the file with a LimitError.
 */
export async function* readCsv(
  input: Readable,
  path: string,
  delimiter: ',' | '\t',
  defaultDate: string | null,
  fields: FieldMap = DEFAULT_FIELDS,
  maxRecordChars = Number.POSITIVE_INFINITY,
  maxColumns = Number.POSITIVE_INFINITY,
  invalidLines: ReadonlySet<number> = new Set(),
): AsyncGenerator<IngestItem> {
  const skipped: IngestItem[] = [];
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => {
        if (header.length > maxColumns) throw new LimitError('too-large', `the header has ${header.length} columns, over the limit of ${maxColumns}`);
        return checkedHeader(header, fields);
      },
      delimiter,
      bom: true,
      info: true,
      // An unclosed quote makes the rest of the file one field: bounded, it fails instead of growing.
      ...(Number.isFinite(maxRecordChars) ? { max_record_size: maxRecordChars } : {}),
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        const line = (error as { lines?: number } | undefined)?.lines;
        skipped.push(skippedItem({
          origin: line ? `${path}:${line}` : path,
          id: null,
          reason: error?.code === 'CSV_MAX_RECORD_SIZE' ? 'too-large' : 'malformed-csv',
          message: error?.message ?? 'unreadable row',
        }));
        return undefined;
      },
    }),
  );
  // pipe() does not pass on a read error (a truncated .gz): without this the parser would wait forever.
  input.once('error', (error) => parser.destroy(error));
  // The line after the previous record: where this one starts.
  let start = 1;
  let yielded = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yielded += skipped.length + 1;
      yield* skipped.splice(0);
      const origin = `${path}:${info.lines}`;
      let invalid = false;
      for (let line = start; line <= info.lines && !invalid; line += 1) invalid = invalidLines.has(line);
      start = info.lines + 1;
      yield invalid ? invalidUtf8(origin) : recordToItem(record, origin, defaultDate, fields);
    }
  } catch (error) {
    if (!(error instanceof RepeatedColumn)) throw error;
    yield skippedItem({ origin: `${path}:1`, id: null, reason: 'malformed-csv', message: error.message });
    return;
  }
  yielded += skipped.length;
  yield* skipped.splice(0);
  // A file that gave nothing (a header alone, or no line at all) is reported too, never passed over.
  if (yielded > 0) return;
  const invalid = invalidLines.values().next().value;
  yield invalid !== undefined ? invalidUtf8(`${path}:${invalid}`) : skippedItem({ origin: path, id: null, reason: 'empty', message: 'no rows below the header' });
}
