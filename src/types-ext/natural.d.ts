// natural ships types for its index only; we import its submodules directly
// (the index loads database drivers and dotenv), so declare the parts we use.
declare module 'natural/lib/natural/tokenizers/regexp_tokenizer.js' {
  export class RegexpTokenizer {
    constructor(options: { pattern: RegExp; gaps?: boolean; discardEmpty?: boolean });
    tokenize(text: string): string[] | null;
  }
}
declare module 'natural/lib/natural/tokenizers/sentence_tokenizer.js' {
  export default class SentenceTokenizer {
    constructor(abbreviations?: string[], trimSentences?: boolean);
    tokenize(text: string): string[];
    // The phases a subclass may replace, and the maps they share (set by tokenize).
    protected abbreviations: string[];
    protected replacementCounter: number;
    protected replacementMap: Map<string, string>;
    protected delimiterMap: Map<string, string>;
    replaceAbbreviations(text: string): string;
    replaceUrisWithPlaceholders(text: string): string;
    splitOnPlaceholders(text: string): string[];
    revertReplacements(text: string): string;
    revertDelimiters(text: string): string;
  }
}
declare module 'natural/lib/natural/tokenizers/regexp_tokenizer.js' {
  export class WordTokenizer {
    tokenize(text: string): string[];
  }
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_ru.js' {
  const PorterStemmerRu: { stem(word: string): string };
  export default PorterStemmerRu;
}
