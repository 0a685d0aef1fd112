import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import type { Token } from '../types.js';

/**
 * Words are runs of letters and digits, with inner apostrophes kept so that
 * "don't" stays one token (negation needs it) and dotted initialisms such as
 * "U.S." stay whole (the gazetteer needs them). Emoticons (":)", ":-(",
 * "<3") are tokens too, since tone reads them.
 */
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|(?<![\p{L}\p{N}])[:;=]-?[)(DPp/](?![\p{L}\p{N}])|<3/gu;
const tokenizer = new RegexpTokenizer({ pattern: WORD, gaps: false });

/** Lower case without a possessive "'s", so "China's" looks up as "china". */
function lookupForm(word: string): string {
  const lower = word.toLowerCase();
  return lower.endsWith("'s") || lower.endsWith('’s') ? lower.slice(0, -2) : lower;
}

/**
 * Split a sentence into word tokens with character spans, using natural's
 * RegexpTokenizer. `lower` drops a possessive "'s" so "China's" looks up as
 * "china".
 *
 * @example
 * tokenizeWords("China's ties").map((t) => [t.lower, t.start]);
 * // [['china', 0], ['ties', 8]]
 */
export function tokenizeWords(sentence: string): Token[] {
  const words = tokenizer.tokenize(sentence) ?? [];
  const tokens: Token[] = [];
  let cursor = 0;
  for (const word of words) {
    const start = sentence.indexOf(word, cursor);
    const end = start + word.length;
    cursor = end;
    tokens.push({ text: word, lower: lookupForm(word), start, end });
  }
  return tokens;
}
