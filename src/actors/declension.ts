import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { field, readTsv } from '../util/tsv.js';

/** Paradigm name → its endings, the nominative's first (`''` for none). */
export type Paradigms = ReadonlyMap<string, readonly string[]>;

/** A word that never changes, in a `forms` column. */
export const INDECLINABLE = '-';
/** Most forms one name may have: the product of its words' forms (a guard against a slip in a table). */
const MAX_FORMS = 1000;

/** Read `declension.tsv` of a lexicon folder: `paradigm`, comma-separated `endings` (`0` for none). */
export function readParadigms(dir: string): Paradigms {
  const path = join(dir, 'declension.tsv');
  const paradigms = new Map<string, string[]>();
  if (!existsSync(path)) return paradigms;
  for (const row of readTsv(path).rows) {
    const endings = field(path, row, 'endings').split(',').map((e) => (e.trim() === '0' ? '' : e.trim()));
    paradigms.set(field(path, row, 'paradigm'), endings);
  }
  return paradigms;
}

/**
 * Every form of a name whose words decline by the paradigms named in `forms`
 * (one a word, `-` for a word that never changes): the dictionary form's
 * nominative ending is replaced by each ending of its paradigm. Words of a
 * multi-word name are combined form by form; the combinations that grammar
 * rules out ("Южная Кореи") are harmless, as no text has them.
 *
 * @example
 * const paradigms = new Map([['ия', ['ия', 'ии', 'ию', 'ией']]]);
 * declinedForms('Россия', 'ия', paradigms, 'ru/countries.tsv:9'); // ['Россия', 'России', 'Россию', 'Россией']
 */
export function declinedForms(term: string, forms: string, paradigms: Paradigms, where: string): string[] {
  const words = term.split(' ');
  const names = forms === '' ? words.map(() => INDECLINABLE) : forms.split(' ');
  if (names.length !== words.length) throw new Error(`${where}: ${words.length} words but ${names.length} paradigms in forms`);
  let combined = [''];
  words.forEach((word, i) => {
    const name = names[i] as string;
    let variants = [word];
    if (name !== INDECLINABLE) {
      const endings = paradigms.get(name);
      if (!endings) throw new Error(`${where}: unknown paradigm ${name}`);
      const nominative = endings[0] as string;
      if (!word.endsWith(nominative)) throw new Error(`${where}: ${word} does not end in -${nominative}, the nominative of ${name}`);
      const stem = word.slice(0, word.length - nominative.length);
      variants = [...new Set(endings.map((ending) => stem + ending))];
    }
    combined = combined.flatMap((head) => variants.map((v) => (head === '' ? v : `${head} ${v}`)));
  });
  if (combined.length > MAX_FORMS) throw new Error(`${where}: ${combined.length} forms, more than ${MAX_FORMS}`);
  return combined;
}
