import type { CountryMention, Token } from '../types.js';
import { type TrieMatch, longestMatch } from '../trie.js';
import { type Gazetteer, type GazetteerEntry, defaultGazetteer, tokenKey } from './gazetteer.js';

/** Words of a multi-word name may be joined by spaces or hyphens only. */
const JOINER = /^[\s\-‐‑–—]*$/;
const DASH = /^[\-‐‑–—]$/;
/** "US$ 82 million" and "HK$" are currencies, not the country. */
const CURRENCY_AFTER = /^\$/;

/**
 * Keys to try for a token. Names match case-sensitively ("turkey" the bird,
 * "us" the pronoun), but an all-capitals headline word also tries its
 * title-case form so "CHINA" finds China; words of three letters or fewer
 * stay literal so "US" is not read as "Us".
 */
function keysFor(token: Token): string[] {
  const key = tokenKey(token.text);
  if (key.length > 3 && key === key.toUpperCase() && /\p{L}/u.test(key)) {
    return [key, key[0] + key.slice(1).toLowerCase()];
  }
  return [key];
}

type Match = TrieMatch<GazetteerEntry>;

function matchAt(sentence: string, tokens: Token[], i: number, gazetteer: Gazetteer): Match | null {
  return longestMatch(
    gazetteer.trie,
    i,
    tokens.length,
    (j) => {
      const token = tokens[j];
      return token ? keysFor(token) : [];
    },
    (j) => {
      const previous = tokens[j - 1];
      const token = tokens[j];
      return previous !== undefined && token !== undefined && JOINER.test(sentence.slice(previous.end, token.start));
    },
  );
}

/**
 * A combining form (Sino-, Pak-, Indo-) names a country only when a dash and
 * another country follow it: "Sino-Indian" is CN and IN, "Indo-Pacific" is
 * neither.
 */
function combiningHolds(sentence: string, tokens: Token[], match: Match, gazetteer: Gazetteer): boolean {
  const last = tokens[match.end - 1];
  const next = tokens[match.end];
  if (!last || !next || !DASH.test(sentence.slice(last.end, next.start))) return false;
  const following = matchAt(sentence, tokens, match.end, gazetteer);
  return following !== null && following.value.code !== '-';
}

/**
 * Find the countries a sentence names, in order, in one scan over its tokens.
 * Longest match wins: "Papua New Guinea" is not Guinea, "New Mexico" is not
 * Mexico (a not-a-country entry shadows it).
 *
 * @example
 * const s = 'Pak-China ties';
 * findCountries(s, tokenizeWords(s)).map((m) => m.code); // ['PK', 'CN']
 */
export function findCountries(
  sentence: string,
  tokens: Token[],
  gazetteer: Gazetteer = defaultGazetteer(),
): CountryMention[] {
  const mentions: CountryMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = matchAt(sentence, tokens, i, gazetteer);
    if (!match) {
      i += 1;
      continue;
    }
    const entry = match.value;
    const holds = entry.category !== 'combining' || combiningHolds(sentence, tokens, match, gazetteer);
    const start = tokens[i]?.start ?? 0;
    const end = tokens[match.end - 1]?.end ?? start;
    if (entry.code !== '-' && holds && !CURRENCY_AFTER.test(sentence.slice(end, end + 1))) {
      mentions.push({ code: entry.code, surface: sentence.slice(start, end), start, end, category: entry.category });
    }
    i = holds ? match.end : i + 1;
  }
  return mentions;
}
