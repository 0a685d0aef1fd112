import type { Token } from '../types/sentence.js';

/**
 * Words are runs of letters and digits, with inner apostrophes kept so that
 * "don't" stays one token (negation needs it) and dotted initialisms such as
 * "U.S." stay whole (the gazetteer needs them). Emoticons (":)", ":-(",
 * "<3") are tokens too, since tone reads them.
 */
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|(?<![\p{L}\p{N}])[:;=]-?[)(DPp/](?![\p{L}\p{N}])|<3/gu;

/** A lower-case word without a possessive "'s", so "China's" looks up as "china". */
function withoutPossessive(lower: string): string {
  if (lower.charCodeAt(lower.length - 1) !== 115) return lower; // s
  const apostrophe = lower.charCodeAt(lower.length - 2);
  return apostrophe === 39 || apostrophe === 0x2019 ? lower.slice(0, -2) : lower;
}

/**
 * A word and its span. The look-up form is made on first use: the actor
 * stage reads only the words as written, and a third of tokenizing went on
 * lower-casing them.
 */
class WordToken implements Token {
  private lowerForm: string | undefined = undefined;

  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get lower(): string {
    this.lowerForm ??= withoutPossessive(this.text.toLowerCase());
    return this.lowerForm;
  }
}

/**
 * Split a sentence into word tokens with character spans. One `exec` loop
 * gives each word with its offset; natural's RegexpTokenizer (used until
 * measured otherwise) returns bare strings, and finding their offsets again
 * cost a third of the actor stage. `lower` drops a possessive "'s" so
 * "China's" looks up as "china".
 *
 * @example
 * tokenizeWords("China's ties").map((t) => [t.lower, t.start]);
 * // [['china', 0], ['ties', 8]]
 */
export function tokenizeWords(sentence: string): Token[] {
  const tokens: Token[] = [];
  // One shared global regex: the loop is synchronous, so resetting lastIndex is enough.
  WORD.lastIndex = 0;
  for (let match = WORD.exec(sentence); match !== null; match = WORD.exec(sentence)) {
    tokens.push(new WordToken(match[0], match.index, match.index + match[0].length));
  }
  return tokens;
}

/**
 * The look-up forms of a text's words, as `tokenizeWords(text).map((t) => t.lower)`
 * gives them, without the tokens: the fingerprint reads a whole article's
 * words and needs neither spans nor written forms.
 *
 * @example
 * lowerWords("China's ties with the U.S."); // ['china', 'ties', 'with', 'the', 'u.s.']
 */
export function lowerWords(text: string): string[] {
  return (text.match(WORD) ?? []).map((word) => withoutPossessive(word.toLowerCase()));
}
