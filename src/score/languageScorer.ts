import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCameo } from '../events/cameo.js';
import { readRoleCues } from '../events/cueRoles.js';
import { type EventEntry, MAX_GAP, compileEventLexicon, readEventEntries } from '../events/eventLexicon.js';
import type { ReadLanguage } from '../text/language.js';
import { russianWords } from '../text/russianWords.js';
import { LEXICON_DIR } from '../util/paths.js';
import { type LexiconEntry, compileLexicon, readLexiconTsv } from './lexicon.js';
import { loadModifiers } from './modifiers.js';
import type { Scorer } from './scoreSentence.js';

/**
 * How a language's lexicon terms become look-up keys, the same keys its words
 * get (text/segmenters.ts): Russian words by their stems, Chinese words as
 * written (a term's words are separated by spaces where other words may come
 * between; jieba reads each listed word whole).
 */
export function keysIn(language: 'zh' | 'ru'): (term: string) => string[] {
  if (language === 'ru') return (term) => russianWords(term).map((t) => t.lower);
  return (term) => term.split(' ').filter((w) => w !== '');
}

/**
 * A gap in a Chinese pattern spans more words than in English: jieba's words
 * are short, and an object's modifiers stand before it ("签署了关于建立全面
 * 战略伙伴关系的联合声明" puts seven words between 签署 and 联合声明).
 */
export const CHINESE_MAX_GAP = 8;

/** A pattern's words as keys, its gaps kept: "ввести * санкции" → "ввест * санкц". */
function keyPattern(pattern: string, keysOf: (term: string) => string[]): string {
  return pattern
    .split(' * ')
    .map((segment) => keysOf(segment).join(' '))
    .join(' * ');
}

function withKeys(entries: LexiconEntry[], keysOf: (term: string) => string[]): LexiconEntry[] {
  return entries.map((entry) => ({ ...entry, keys: keysOf(entry.term) }));
}

/**
 * The scorer of a language other than English, from lexicons/zh/ or
 * lexicons/ru/: trust words, cue words, events (CAMEO codes from the shared
 * cameo.tsv) and the function words that mark roles. Tone has no maintained
 * lexicon in these languages that we could ship, so the tone lexicon is empty
 * and the report says tone is not read for them rather than print a number.
 */
function compileScorer(language: 'zh' | 'ru'): Scorer {
  const dir = join(LEXICON_DIR, language);
  const keysOf = keysIn(language);
  const read = (file: string, column: string) => (existsSync(join(dir, file)) ? withKeys(readLexiconTsv(join(dir, file), column), keysOf) : []);
  const eventsPath = join(dir, 'events.tsv');
  const events: EventEntry[] = existsSync(eventsPath)
    ? readEventEntries(eventsPath, loadCameo()).map((entry) => ({ ...entry, keyPattern: keyPattern(entry.pattern, keysOf) }))
    : [];
  return {
    trust: compileLexicon('trust', 'exact', read('trust.tsv', 'dimension')),
    tone: compileLexicon('tone', 'exact', []),
    modifiers: loadModifiers(dir, keysOf),
    events: compileEventLexicon(events, new Map(), false, language === 'zh' ? CHINESE_MAX_GAP : MAX_GAP),
    venues: new Set(),
    language,
    roleCues: readRoleCues(dir, keysOf),
  };
}

const compiled = new Map<ReadLanguage, Scorer>();

/**
 * The scorer for a sentence's language: `english` (the run's, possibly with
 * call-time entries) for English, the bundled lexicons of zh and ru otherwise,
 * compiled on first use.
 */
export function scorerFor(language: ReadLanguage, english: Scorer): Scorer {
  if (language === 'en') return english;
  let scorer = compiled.get(language);
  if (!scorer) {
    scorer = compileScorer(language);
    compiled.set(language, scorer);
  }
  return scorer;
}
