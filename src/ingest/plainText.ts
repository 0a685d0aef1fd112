import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type IngestItem, documentItem } from './records.js';

/**
 * A plain-text file is one document. Its id is the file name; its date is the
 * one given on the command line (`--date`), else none: a date is never
 * guessed from the text here.
 */
export async function* readPlainText(path: string, date: string | null): AsyncGenerator<IngestItem> {
  const text = await readFile(path, 'utf8');
  yield documentItem({ id: basename(path), date, title: '', text, origin: path });
}
