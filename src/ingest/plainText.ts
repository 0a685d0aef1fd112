import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { inferDate } from './inferDate.js';
import { type IngestItem, documentItem } from './records.js';

/**
 * A plain-text file is one document. Its id is the file name; its date is
 * found in the text (a "month year" header such as "Ноябрь 2024", or a full
 * date), else the one given on the command line (`--date`), else none.
 */
export async function* readPlainText(path: string, defaultDate: string | null): AsyncGenerator<IngestItem> {
  const text = await readFile(path, 'utf8');
  const found = inferDate(text, undefined, defaultDate);
  yield documentItem({
    id: basename(path),
    date: found?.date ?? null,
    ...(found ? { dateRule: found.rule } : {}),
    title: '',
    text,
    origin: path,
  });
}
