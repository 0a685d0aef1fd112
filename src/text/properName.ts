import type { Token } from '../types/sentence.js';

const capitalised = (token: Token | undefined) => token !== undefined && /^\p{Lu}/u.test(token.text);

/**
 * A test of which words of a sentence are inside a proper name: capitalised,
 * and after another capitalised word that does not open the sentence ("the
 * Vietnam War", "the Korean War", "Operation Protective Edge"). Such a word
 * names something; it says nothing of trust ("War" in "since the Vietnam War"
 * is no hostility between the United States and Vietnam). A headline in title
 * case capitalises (nearly) every word: where three words in four or more are
 * capitalised, nothing counts as a name. The sentence is looked at once, so a
 * test of every word is linear in its length.
 *
 * @example
 * const tokens = tokenizeWords('Panetta visits Vietnam, the first visit since the Vietnam War.');
 * properNames(tokens)(tokens.length - 1); // true ("War")
 */
export function properNames(tokens: readonly Token[]): (index: number) => boolean {
  let titleCase: boolean | undefined;
  return (index) => {
    if (index < 2 || !capitalised(tokens[index]) || !capitalised(tokens[index - 1])) return false;
    if (titleCase === undefined) {
      const words = tokens.filter((t) => /\p{L}/u.test(t.text));
      titleCase = words.filter(capitalised).length * 4 >= words.length * 3;
    }
    return !titleCase;
  };
}
