import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadLanguage } from '../text/language.js';
import { foldYo } from '../text/russianWords.js';
import type { CountryMention } from '../types/sentence.js';
import { LEXICON_DIR } from '../util/paths.js';
import { type Paradigms, casedForms, declinedForms, readParadigms } from './declension.js';
import { type Gazetteer, type GazetteerEntry, compileGazetteer, defaultGazetteer, readCountryNames, readGazetteerEntries } from './gazetteer.js';
import { type LeaderTerm, compileLeaders, readLeaderTerms } from './leaders.js';

/**
 * CLDR's name of every country in a language (`Intl.DisplayNames`, built into
 * Node), as the first entries of that language's gazetteer: the lexicon
 * folder's countries.tsv comes after them and adds or overrides.
 */
function cldrEntries(language: ReadLanguage, codes: Iterable<string>): GazetteerEntry[] {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  const entries: GazetteerEntry[] = [];
  for (const code of codes) {
    const term = names.of(code);
    if (term && term !== code) entries.push({ term, code, codes: [code], category: 'name', weight: 1, note: 'CLDR name', origin: `CLDR ${language}` });
  }
  return entries;
}

/** Endings of Russian nouns in the dative (-е, -у, -ю), accusative (-у, -ю) and instrumental (-ой, -ом, -ем…), not the genitive's (-ы, -и, -а, -я). */
const OBJECT_CASE_ENDING = /(?:у|ю|е|ой|ою|ей|ею|ом|ем|ам|ям|ами|ями)$/;

/**
 * A gazetteer entry once for each of its declined forms (ё read as е, as the
 * Russian words are); a form written in lower case (китайский, российско-) also
 * in its capitalised form, as it stands at the start of a sentence.
 */
function declined(rows: readonly GazetteerEntry[], paradigms: Paradigms): GazetteerEntry[] {
  return rows.flatMap((row) =>
    casedForms(row.term, row.forms ?? '', paradigms, row.origin).flatMap(({ form: written, nominative }) => {
      const form = foldYo(written);
      const capital = form.charAt(0).toUpperCase() + form.slice(1);
      // A name in the dative, accusative or instrumental cannot be the subject (Украине in "Украине Россия перекрыла газ").
      // The genitive can stand before the verb inside the subject ("МИД России заявил") and is left alone; so are
      // adjectives, which agree with their noun and tell nothing.
      const oblique = !nominative && OBJECT_CASE_ENDING.test(form) && row.category !== 'demonym' && row.category !== 'combining';
      return (capital === form ? [form] : [form, capital]).map((term) => ({ ...row, term, ...(oblique ? { oblique: true } : {}) }));
    }),
  );
}

/**
 * The short form is some of the name's words ("Путин" of Владимир Путин, "Си" of
 * Си Цзиньпин, "Ле Дриан") and declines as they do; a short form that is not
 * among the name's words does not decline.
 */
function aloneParadigms(term: LeaderTerm): string {
  const words = term.name.split(' ');
  const alone = (term.alone ?? '').split(' ');
  const forms = (term.forms ?? '').split(' ');
  for (let at = 0; at + alone.length <= words.length; at += 1) {
    if (alone.every((w, i) => words[at + i] === w) && forms.length === words.length) return forms.slice(at, at + alone.length).join(' ');
  }
  return '';
}

/** Leaders' full names and short forms in every declined form: "Путина" finds Путин. */
function declinedLeaders(terms: readonly LeaderTerm[], paradigms: Paradigms): LeaderTerm[] {
  return terms.flatMap((term) => {
    const names = declinedForms(term.name, term.forms ?? '', paradigms, term.origin).map(foldYo);
    const alones = term.alone === null ? [null] : declinedForms(term.alone, aloneParadigms(term), paradigms, term.origin).map(foldYo);
    return names.flatMap((name, i) => (i === 0 ? alones : [null]).map((alone) => ({ ...term, name, alone })));
  });
}

function compileLanguage(language: 'zh' | 'ru'): Gazetteer {
  const dir = join(LEXICON_DIR, language);
  const names = readCountryNames();
  const paradigms = readParadigms(dir);
  const listed = existsSync(join(dir, 'countries.tsv')) ? readGazetteerEntries(dir) : [];
  const leaders = existsSync(join(dir, 'leaders.tsv')) ? readLeaderTerms(dir) : [];
  const entries = [...cldrEntries(language, names.keys()), ...declined(listed, paradigms)];
  return compileGazetteer(entries, names, new Set(), compileLeaders(declinedLeaders(leaders, paradigms)));
}

const compiled = new Map<ReadLanguage, Gazetteer>();

/**
 * The gazetteer of a language, compiled on first use: English's from
 * lexicons/, Chinese and Russian from CLDR's names and lexicons/zh/, lexicons/ru/.
 */
export function gazetteerFor(language: ReadLanguage): Gazetteer {
  if (language === 'en') return defaultGazetteer();
  let gazetteer = compiled.get(language);
  if (!gazetteer) {
    gazetteer = compileLanguage(language);
    compiled.set(language, gazetteer);
  }
  return gazetteer;
}

/**
 * A Chinese pair abbreviation's short character may stand for more than one
 * country: 巴 is Pakistan in 中巴 by default, but Brazil (巴西), Palestine
 * (巴勒斯坦) or Panama (巴拿马) where the sentence names that country in full.
 * The abbreviation's codes follow its characters, so the character of each
 * code is known; a country named in full here whose name begins with that
 * character, and is not the default, takes its place, unless the default is
 * named in full too. 中 is always China (中非共和国 beside 中巴 changes nothing).
 *
 * @example
 * // 中巴 (CN PK) beside 巴西 (BR): the pair is CN–BR.
 */
const CHINA = 'CN';

export function resolvePairAbbreviations(mentions: CountryMention[]): CountryMention[] {
  const named = mentions.filter((m) => m.category !== 'pair');
  return mentions.map((mention, index) => {
    // 中 is China in every abbreviation, and a default the sentence also names in full stands (中巴 beside 巴基斯坦 and 巴西).
    if (mention.category !== 'pair' || mention.code === CHINA || named.some((m) => m.code === mention.code)) return mention;
    const position = mentions.slice(0, index).filter((m) => m.start === mention.start).length;
    const character = mention.surface[position];
    if (character === undefined) return mention;
    const instead = named.find((m) => m.code !== mention.code && m.surface.startsWith(character) && m.surface.length > 1);
    return instead ? { ...mention, code: instead.code } : mention;
  });
}
