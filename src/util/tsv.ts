import { readFileSync } from 'node:fs';

/** One data row of a TSV lexicon, keyed by the header's column names. */
export interface TsvRow {
  line: number;
  fields: Map<string, string>;
}

/**
 * Read a lexicon TSV: `#` lines are comments, the first other line is the
 * header, every later non-blank line is one entry. Lexicons are tab-separated
 * with no quoting, so a split on tabs is the whole format.
 */
export function readTsv(path: string): { header: string[]; rows: TsvRow[] } {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  let header: string[] | null = null;
  const rows: TsvRow[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (header === null) {
      header = cells;
      return;
    }
    const fields = new Map<string, string>();
    header.forEach((name, col) => fields.set(name, (cells[col] ?? '').trim()));
    rows.push({ line: i + 1, fields });
  });
  if (header === null) throw new Error(`${path}: no header line`);
  return { header, rows };
}

/** A required field of a row; throws with file and line when it is missing. */
export function field(path: string, row: TsvRow, name: string): string {
  const value = row.fields.get(name);
  if (value === undefined || value === '') throw new Error(`${path}:${row.line}: missing ${name}`);
  return value;
}
