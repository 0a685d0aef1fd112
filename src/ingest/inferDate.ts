import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { LEXICON_DIR } from '../util/paths.js';
import { field, readTsv } from '../util/tsv.js';

/** How a document's date was found, recorded per document. */
export type DateRule = 'metadata' | 'url' | 'text-header' | 'text' | 'crawl' | 'default';

export interface FoundDate {
  date: string;
  rule: DateRule;
}

/** Characters at the top of a page searched for a "month year" header, and of the text for a full date. */
const HEADER_CHARS = 400;
const TEXT_CHARS = 3000;
const URL_DATE = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:\/|-|$)/;

let monthNames: Map<string, number> | null = null;

/** Month names in English, Russian, Ukrainian, French, German, Spanish, Portuguese and Italian, from `months.tsv`. */
function months(): Map<string, number> {
  if (monthNames) return monthNames;
  const path = join(LEXICON_DIR, 'months.tsv');
  monthNames = new Map(readTsv(path).rows.map((row) => [field(path, row, 'term'), Number(field(path, row, 'month'))]));
  return monthNames;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `/2024/11/28/` or `/2024-11-28-` in a URL. */
export function dateFromUrl(url: string | undefined): string | null {
  const match = url ? URL_DATE.exec(url) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/**
 * A "month year" header near the top of a page, in any of the languages of
 * `months.tsv` ("Ноябрь 2024", "November 2024"): the first of that month.
 *
 * @example
 * dateFromHeader('ru24.net\nNews in English\nНоябрь\n2024\n\nGrowing trust deficit…'); // '2024-11-01'
 */
export function dateFromHeader(text: string): string | null {
  // A month name followed directly (across spaces or a line break) by a four-digit year.
  for (const match of text.slice(0, HEADER_CHARS).toLowerCase().matchAll(/(\p{L}+)\s+(\d{4})(?!\d)/gu)) {
    const month = months().get(match[1] as string);
    const year = Number(match[2]);
    if (month && year >= 1900 && year <= 2100) return `${year}-${pad(month)}-01`;
  }
  return null;
}

/** The first full English date (day, month and year written out) in the text, by chrono-node in strict mode. */
export function dateFromText(text: string): string | null {
  for (const result of chrono.strict.parse(text.slice(0, TEXT_CHARS))) {
    const { start } = result;
    if (start.isCertain('day') && start.isCertain('month') && start.isCertain('year')) {
      return `${start.get('year')}-${pad(start.get('month') ?? 1)}-${pad(start.get('day') ?? 1)}`;
    }
  }
  return null;
}

/**
 * Date a document that carries none in its metadata: from its URL, a
 * "month year" header at the top of the page, or a full date in the text;
 * else the default given by the user. Null when none of these applies: the
 * document is then counted as undated, never guessed.
 */
export function inferDate(text: string, url: string | undefined, defaultDate: string | null): FoundDate | null {
  const fromUrl = dateFromUrl(url);
  if (fromUrl) return { date: fromUrl, rule: 'url' };
  const header = dateFromHeader(text);
  if (header) return { date: header, rule: 'text-header' };
  const inText = dateFromText(text);
  if (inText) return { date: inText, rule: 'text' };
  return defaultDate ? { date: defaultDate, rule: 'default' } : null;
}
