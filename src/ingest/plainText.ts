import { inferDate } from './inferDate.js';
import { type IngestItem, documentItem } from './records.js';

/**
 * A plain-text file is one document. Its id is the file name; its date is
 * found in the text (a "month year" header such as "Ноябрь 2024", or a full
 * date), else the one given on the command line (`--date`), else none.
 */
export function* readPlainText(text: string, id: string, path: string, defaultDate: string | null): Generator<IngestItem> {
  const found = inferDate(text, undefined, defaultDate);
  yield documentItem({
    id,
    date: found?.date ?? null,
    ...(found ? { dateRule: found.rule } : {}),
    title: '',
    text,
    origin: path,
  });
}
