/** What text and actors find in a sentence: its words and the countries it names. */

/** A sentence of a document's body, with its place in the original text. */
export interface Sentence {
  index: number;
  text: string;
  /** The language it is read in (ISO 639-1): `en`, `zh` or `ru`. */
  lang: string;
}

/** A word-like token and its character span in the sentence. */
export interface Token {
  text: string;
  /** Lower-cased form used for lexicon look-ups. */
  lower: string;
  start: number;
  end: number;
}

/** One country mention in a sentence. */
export interface CountryMention {
  code: string;
  /** The words as they stand in the sentence. */
  surface: string;
  start: number;
  end: number;
  /** Gazetteer category of the entry that matched (name, demonym, capital…). */
  category: string;
  /** The name stands in an oblique case (Russian Украине, Китаю): it is no subject. */
  oblique?: boolean;
}
