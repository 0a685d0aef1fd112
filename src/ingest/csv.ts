import type { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { DEFAULT_FIELDS, type FieldMap } from './fields.js';
import { recordToItem } from './jsonl.js';
import { LimitError } from './limits.js';
import { type IngestItem, skippedItem } from './records.js';

/**
 * Stream a CSV or TSV file with a header row (csv-parse: quoting, embedded
 * newlines and delimiters handled). A row with the wrong number of fields is
 * reported with its line and the rest of the file is read. A header with more
 * than `maxColumns` columns fails the file with a LimitError.
 */
export async function* readCsv(
  input: Readable,
  path: string,
  delimiter: ',' | '\t',
  defaultDate: string | null,
  fields: FieldMap = DEFAULT_FIELDS,
  maxRecordChars = Number.POSITIVE_INFINITY,
  maxColumns = Number.POSITIVE_INFINITY,
): AsyncGenerator<IngestItem> {
  const skipped: IngestItem[] = [];
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => {
        if (header.length > maxColumns) throw new LimitError('too-large', `the header has ${header.length} columns, over the limit of ${maxColumns}`);
        return header;
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
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield* skipped.splice(0);
    yield recordToItem(record, `${path}:${info.lines}`, defaultDate, fields);
  }
  yield* skipped.splice(0);
}
