import type { CountryMention, Token } from '../types/sentence.js';
import { type TrieMatch, longestMatch } from '../util/trie.js';
import { type Gazetteer, type GazetteerEntry, START_PERSON, START_PLACE, defaultGazetteer } from './gazetteer.js';
import { tokenKey } from './termKeys.js';
import { type LeaderKey, foldKey, leaderCountry } from './leaders.js';

/** Words of a multi-word name may be joined by spaces or hyphens only, or the middle dot of names written in Chinese (约翰·基). */
const JOINER = /^[\s\-‐‑–—·・‧]*$/;
const DASH = /^[\-‐‑–—]$/;
const NON_ASCII = /[^\x00-\x7f]/;
/** "St. Kitts": an abbreviation's full stop may sit inside a name. */
const ABBREVIATION = /^(?:St|Ste|Mt|Ft)$/;
const ABBREVIATION_JOINER = /^\.\s+$/;
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
  /**
   * The document's date (`YYYY-MM-DD`): leaders and officials count for
   * their country only on dates within their terms (leaders.tsv). Without a
   * date, names of people are not matched.
   */
  date?: string;
}

/** A sentence prepared for matching: token keys and the test for multi-word joins. */
interface Scan {
  sentence: string;
  tokens: Token[];
  keys: string[];
  alternates: (string | undefined)[];
  /** Per token: START_PLACE when it may open a gazetteer name, START_PERSON a leader's. */
  starts: Uint8Array;
  joins: (i: number) => boolean;
  /** Keys and alternates without diacritics, for people's names; made when first needed. */
  folded?: { keys: string[]; alternates: (string | undefined)[] };
}

/**
 * Keys, alternates and, per token, whether it may open a place name or a
 * leader's name; null when no token may, as in most sentences.
 */
function prepareScan(sentence: string, tokens: Token[], gazetteer: Gazetteer, people: boolean): Scan | null {
  const known = gazetteer.starts;
  const wanted = people ? START_PLACE | START_PERSON : START_PLACE;
  const flagsOf = (key: string, alternate: string | undefined) =>
    ((known.get(key) ?? 0) | (alternate === undefined ? 0 : (known.get(alternate) ?? 0))) & wanted;
  // A first pass that allocates nothing settles the many sentences that name nothing.
  const opensName = (t: Token) => {
    const key = tokenKey(t.text);
    return flagsOf(key, titleCaseAlternate(key)) !== 0;
  };
  if (!tokens.some(opensName)) return null;
  const n = tokens.length;
  const keys = new Array<string>(n);
  const alternates = new Array<string | undefined>(n);
  const starts = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const key = tokenKey((tokens[i] as Token).text);
    const alternate = titleCaseAlternate(key);
    keys[i] = key;
    alternates[i] = alternate;
    starts[i] = flagsOf(key, alternate);
  }
  const joins = (j: number) => {
    const previous = tokens[j - 1];
    const token = tokens[j];
    if (previous === undefined || token === undefined) return false;
    const gap = sentence.slice(previous.end, token.start);
    return JOINER.test(gap) || (ABBREVIATION.test(previous.text) && ABBREVIATION_JOINER.test(gap));
  };
  return { sentence, tokens, keys, alternates, starts, joins };
}

function matchAt(scan: Scan, i: number, gazetteer: Gazetteer): Match | null {
  return longestMatch(gazetteer.trie, i, scan.keys, scan.joins, scan.alternates);
}

/** The longest leader's name starting at token i, matched without diacritics. */
function leaderAt(scan: Scan, i: number, gazetteer: Gazetteer): TrieMatch<LeaderKey> | null {
  // Most sentences are ASCII, and their keys need no folding.
  scan.folded ??= NON_ASCII.test(scan.sentence)
    ? { keys: scan.keys.map(foldKey), alternates: scan.alternates.map((a) => (a === undefined ? a : foldKey(a))) }
    : { keys: scan.keys, alternates: scan.alternates };
  return longestMatch(gazetteer.leaders, i, scan.folded.keys, scan.joins, scan.folded.alternates);
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

/** Whether the sentence has a word that gives away another sense of the term ("Georgia" beside "Atlanta"). */
function otherSense(scan: Scan, term: string, gazetteer: Gazetteer): boolean {
  const cues = gazetteer.otherSenses.get(term);
  if (!cues) return false;
  return cues.some((cue) => scan.keys.some((_, i) => cue.every((key, k) => scan.keys[i + k] === key)));
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

/** A name followed by a hyphen and a lower-case word is part of another word ("Си-эн-эн" is CNN, not Xi; "Trump-era"). */
const HYPHENATED_ON = /^[-‐‑]\p{Ll}/u;

/**
 * "pro-Russian separatists", "pro-Western protesters": a demonym after "pro-" names whom a group sides with,
 * not the state; the group is no actor of that country (pro-Russian rebels in Ukraine are not Russia).
 */
const ALLEGIANCE = /(?:^|[^\p{L}])pro[-‐‑–]$/iu;

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
  const people = options.date !== undefined;
  const scan = prepareScan(sentence, tokens, gazetteer, people);
  if (!scan) return mentions;
  const { starts } = scan;
  let i = 0;
  while (i < tokens.length) {
    const flags = starts[i] as number;
    if (flags === 0) {
      i += 1;
      continue;
    }
    const match = flags & START_PLACE ? matchAt(scan, i, gazetteer) : null;
    const person = flags & START_PERSON ? leaderAt(scan, i, gazetteer) : null;
    if (person && (!match || person.end > match.end) && !HYPHENATED_ON.test(sentence.slice(tokens[person.end - 1]?.end ?? 0))) {
      // A person's name, longer than any place name here ("Israel Katz"): their country if in office that day.
      const term = leaderCountry(person.value, options.date as string);
      const start = tokens[i]?.start ?? 0;
      const end = tokens[person.end - 1]?.end ?? start;
      if (term) mentions.push({ code: term.code, surface: sentence.slice(start, end), start, end, category: 'leader' });
      i = person.end;
      continue;
    }
    if (!match) {
      i += 1;
      continue;
    }
    const entry = match.value;
    const holds = entry.category !== 'combining' || combiningHolds(scan, match, gazetteer);
    const start = tokens[i]?.start ?? 0;
    const end = tokens[match.end - 1]?.end ?? start;
    const wanted =
      (options.proxies !== false || entry.category !== 'proxy') && !personNamed(scan, i, match, gazetteer) && !otherSense(scan, entry.term, gazetteer) &&
      !ALLEGIANCE.test(sentence.slice(Math.max(0, start - 5), start));
    if (entry.code !== '-' && holds && wanted && !CURRENCY_AFTER.test(sentence.slice(end, end + 1))) {
      for (const code of entry.codes) mentions.push({ code, surface: sentence.slice(start, end), start, end, category: entry.category, ...(entry.oblique ? { oblique: true } : {}) });
    }
    i = holds ? match.end : i + 1;
  }
  return mentions;
}
