import type { CountryMention, Token } from '../types.js';
import { type TrieMatch, longestMatch } from '../trie.js';
import { type Gazetteer, type GazetteerEntry, defaultGazetteer, tokenKey } from './gazetteer.js';

/** Words of a multi-word name may be joined by spaces or hyphens only. */
const JOINER = /^[\s\-‐‑–—]*$/;
const DASH = /^[\-‐‑–—]$/;
/** "US$ 82 million" and "HK$" are currencies, not the country. */
const CURRENCY_AFTER = /^\$/;

/**
 * Names match case-sensitively ("turkey" the bird, "us" the pronoun), but an
 * all-capitals headline word may also match in title case so "CHINA" finds
 * China; words of three letters or fewer stay literal so "US" is not "Us".
 */
function titleCaseAlternate(key: string): string | undefined {
  // Cheap test first: most words have a lower-case second letter.
  const second = key.charCodeAt(1);
  if (key.length > 3 && !(second >= 97 && second <= 122) && key === key.toUpperCase() && key !== key.toLowerCase()) {
    return key[0] + key.slice(1).toLowerCase();
  }
  return undefined;
}

type Match = TrieMatch<GazetteerEntry>;

export interface FindOptions {
  /**
   * Count proxies — state bodies, armed forces, flagship firms, places inside
   * a country (the Bundesbank, the PLA, Huawei, Texas) — as their country.
   * On by default; their mentions carry the category `proxy`.
   */
  proxies?: boolean;
}

/** A sentence prepared for matching: token keys and the test for multi-word joins. */
interface Scan {
  sentence: string;
  tokens: Token[];
  keys: string[];
  alternates: (string | undefined)[];
  joins: (i: number) => boolean;
}

function prepareScan(sentence: string, tokens: Token[]): Scan {
  const keys = tokens.map((t) => tokenKey(t.text));
  const joins = (j: number) => {
    const previous = tokens[j - 1];
    const token = tokens[j];
    return previous !== undefined && token !== undefined && JOINER.test(sentence.slice(previous.end, token.start));
  };
  return { sentence, tokens, keys, alternates: keys.map(titleCaseAlternate), joins };
}

function matchAt(scan: Scan, i: number, gazetteer: Gazetteer): Match | null {
  return longestMatch(gazetteer.trie, i, scan.keys, scan.joins, scan.alternates);
}

/**
 * "Jordan Peterson", "Chad Smith": a country name that is also a given name,
 * directly followed by a capitalised word that is not itself a country, is a
 * person.
 */
function personNamed(scan: Scan, i: number, match: Match, gazetteer: Gazetteer): boolean {
  if (match.end !== i + 1 || !gazetteer.givenNames.has(scan.keys[i] as string)) return false;
  const next = scan.tokens[match.end];
  const current = scan.tokens[i] as Token;
  if (!next || !/^\s+$/.test(scan.sentence.slice(current.end, next.start)) || !/^\p{Lu}\p{Ll}/u.test(next.text)) return false;
  const following = matchAt(scan, match.end, gazetteer);
  return following === null || following.value.code === '-';
}

/**
 * A combining form (Sino-, Pak-, Indo-) names a country only when a dash and
 * another country follow it: "Sino-Indian" is CN and IN, "Indo-Pacific" is
 * neither.
 */
function combiningHolds(scan: Scan, match: Match, gazetteer: Gazetteer): boolean {
  const last = scan.tokens[match.end - 1];
  const next = scan.tokens[match.end];
  if (!last || !next || !DASH.test(scan.sentence.slice(last.end, next.start))) return false;
  const following = matchAt(scan, match.end, gazetteer);
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
  options: FindOptions = {},
): CountryMention[] {
  const mentions: CountryMention[] = [];
  const scan = prepareScan(sentence, tokens);
  let i = 0;
  const first = gazetteer.trie.root.next;
  while (i < tokens.length) {
    const alternate = scan.alternates[i];
    const starts = first.has(scan.keys[i] as string) || (alternate !== undefined && first.has(alternate));
    const match = starts ? matchAt(scan, i, gazetteer) : null;
    if (!match) {
      i += 1;
      continue;
    }
    const entry = match.value;
    const holds = entry.category !== 'combining' || combiningHolds(scan, match, gazetteer);
    const start = tokens[i]?.start ?? 0;
    const end = tokens[match.end - 1]?.end ?? start;
    const wanted = (options.proxies !== false || entry.category !== 'proxy') && !personNamed(scan, i, match, gazetteer);
    if (entry.code !== '-' && holds && wanted && !CURRENCY_AFTER.test(sentence.slice(end, end + 1))) {
      mentions.push({ code: entry.code, surface: sentence.slice(start, end), start, end, category: entry.category });
    }
    i = holds ? match.end : i + 1;
  }
  return mentions;
}
