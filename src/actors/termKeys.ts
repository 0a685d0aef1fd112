import { tokenizeWords } from '../text/words.js';

// The gazetteer and the leaders' terms are stored and looked up under the same keys.

/** The key a surface word is stored and looked up under (possessive dropped). */
export function tokenKey(text: string): string {
  // Character codes, not endsWith: this runs once per token of every sentence.
  const last = text.charCodeAt(text.length - 1);
  if (last !== 115 && last !== 83) return text; // s, S
  const apostrophe = text.charCodeAt(text.length - 2);
  return apostrophe === 39 || apostrophe === 0x2019 ? text.slice(0, -2) : text;
}

/** The exact-case token keys of a gazetteer term. */
export function termKeys(term: string): string[] {
  return tokenizeWords(term).map((t) => tokenKey(t.text));
}
