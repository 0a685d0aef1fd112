import type { Token } from '../types/sentence.js';

const capitalised = (token: Token | undefined) => token !== undefined && /^\p{Lu}/u.test(token.text);

/**
 * True when the word at `index` is inside a proper name: capitalised, and
 * after another capitalised word that does not open the sentence ("the
 * Vietnam War", "the Korean War", "Operation Protective Edge"). Such a word
 * names something; it says nothing of trust ("War" in "since the Vietnam War"
 * is no hostility between the United States and Vietnam). A headline in title
 * case capitalises (nearly) every word: where three words in four or more are capitalised, nothing counts as a name.
 *
 * @example
 * const tokens = tokenizeWords('Panetta visits Vietnam, the first visit since the Vietnam War.');
 * insideProperName(tokens, tokens.length - 1); // true ("War")
 */
export function insideProperName(tokens: readonly Token[], index: number): boolean {
  if (index < 2 || !capitalised(tokens[index]) || !capitalised(tokens[index - 1])) return false;
  const words = tokens.filter((t) => /\p{L}/u.test(t.text));
  return words.filter(capitalised).length * 4 < words.length * 3;
}
