import PorterStemmerRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import type { Token } from '../types/sentence.js';
import { tokenizeWords } from './words.js';

/** Russian text writes ё as е as often as not: both are read as е. */
export function foldYo(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

const stems = new Map<string, string>();
/** Stems are memoised: news repeats a small vocabulary, and the stemmer runs a dozen regular expressions a word. */
const MAX_MEMO = 200_000;

/**
 * The look-up key of a Russian word: natural's Porter stemmer of its lower
 * case, ё read as е, so "санкции", "санкций" and "санкциями" are one key.
 *
 * @example
 * russianKey('Санкциями'); // 'санкц'
 */
export function russianKey(word: string): string {
  const lower = foldYo(word.toLowerCase());
  let stem = stems.get(lower);
  if (stem === undefined) {
    stem = PorterStemmerRu.stem(lower);
    if (stems.size < MAX_MEMO) stems.set(lower, stem);
  }
  return stem;
}

class RussianToken implements Token {
  private key: string | undefined = undefined;

  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get lower(): string {
    this.key ??= russianKey(this.text);
    return this.key;
  }
}

/**
 * A Russian sentence's words with spans: as English (runs of letters and
 * digits; a hyphen splits "российско-китайские"), but each word's look-up key is
 * its stem, so lexicon entries written in dictionary form match every case and
 * tense. Names are matched on the words as written (`text`), not on stems.
 *
 * @example
 * russianWords('Россия ввела санкции').map((t) => t.lower); // ['росс', 'ввел', 'санкц']
 */
export function russianWords(sentence: string): Token[] {
  return tokenizeWords(sentence).map((t) => new RussianToken(foldYo(t.text), t.start, t.end));
}
