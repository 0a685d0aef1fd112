import type { CountryMention, Token } from '../types/sentence.js';

/** Calendar words are capitalised in English but name no actor. */
const CALENDAR = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);

/** Words that open a name in a sentence but are not part of it. */
const LEADING = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'But', 'And', 'In', 'On', 'At', 'As', 'For', 'If', 'When', 'While']);

/** Titles that stand before a name ("President Xi", "Foreign Minister Wang Yi"): never a name by themselves. */
const TITLES = new Set([
  'President', 'Vice', 'Prime', 'Minister', 'Premier', 'Chancellor', 'King', 'Queen', 'Emperor', 'Crown', 'Prince',
  'Sheikh', 'Emir', 'Foreign', 'Secretary', 'State', 'Defence', 'Defense', 'General', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir',
]);

function capitalised(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 65 && first <= 90 ? true : /^\p{Lu}/u.test(text);
}

/**
 * Capitalised names in a sentence that names a country but that matched
 * nothing in the gazetteer ("Balochistan Liberation Army", "Jiang Zaidong"):
 * the candidates a curator may add. A lone capitalised word opening the
 * sentence is left out (it is capitalised because it opens the sentence).
 *
 * @example
 * // "The Balochistan Liberation Army attacked Chinese engineers." → ['Balochistan Liberation Army']
 */
export function unknownNames(sentence: string, tokens: readonly Token[], mentions: readonly CountryMention[]): string[] {
  if (mentions.length === 0) return [];
  const inMention = (t: Token) => mentions.some((m) => t.start < m.end && t.end > m.start);
  const names: string[] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && LEADING.has((run[0] as Token).text)) run.shift();
    if (run.every((t) => TITLES.has(t.text))) run = [];
    const opensSentence = run.length === 1 && run[0] === tokens[0];
    if (run.length > 0 && !opensSentence) {
      const first = run[0] as Token;
      const last = run[run.length - 1] as Token;
      names.push(sentence.slice(first.start, last.end).replace(/['’]s$/, ''));
    }
    run = [];
  };
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const joined = previous !== undefined && /^[\s\-]*$/.test(sentence.slice(previous.end, token.start));
    const candidate = capitalised(token.text) && !inMention(token) && !CALENDAR.has(token.text);
    if (!candidate || (run.length > 0 && !joined)) flush();
    if (candidate) run.push(token);
  });
  flush();
  return names;
}
