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
  return casedForms(term, forms, paradigms, where).map((f) => f.form);
}

/** A declined form, and whether it is the dictionary form (the nominative) of every declining word. */
export interface CasedForm {
  form: string;
  nominative: boolean;
}

/** declinedForms with, for each form, whether it is the nominative: a form in no other case ("Украине") cannot be a subject. */
export function casedForms(term: string, forms: string, paradigms: Paradigms, where: string): CasedForm[] {
  const words = term.split(' ');
  const names = forms === '' ? words.map(() => INDECLINABLE) : forms.split(' ');
  if (names.length !== words.length) throw new Error(`${where}: ${words.length} words but ${names.length} paradigms in forms`);
  let combined: CasedForm[] = [{ form: '', nominative: true }];
  words.forEach((word, i) => {
    const name = names[i] as string;
    let variants: CasedForm[] = [{ form: word, nominative: true }];
    if (name !== INDECLINABLE) {
      const endings = paradigms.get(name);
      if (!endings) throw new Error(`${where}: unknown paradigm ${name}`);
      const nominative = endings[0] as string;
      if (!word.endsWith(nominative)) throw new Error(`${where}: ${word} does not end in -${nominative}, the nominative of ${name}`);
      const stem = word.slice(0, word.length - nominative.length);
      // A form that two endings give (Китай, nominative and accusative) is the nominative's.
      const seen = new Map<string, boolean>();
      for (const ending of endings) if (!seen.has(stem + ending)) seen.set(stem + ending, ending === nominative);
      variants = [...seen].map(([form, isNominative]) => ({ form, nominative: isNominative }));
    }
    combined = combined.flatMap((head) =>
      variants.map((v) => ({ form: head.form === '' ? v.form : `${head.form} ${v.form}`, nominative: head.nominative && v.nominative })),
    );
  });
  if (combined.length > MAX_FORMS) throw new Error(`${where}: ${combined.length} forms, more than ${MAX_FORMS}`);
  return combined;
}
