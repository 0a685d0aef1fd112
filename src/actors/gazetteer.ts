import { join } from 'node:path';
import { LEXICON_DIR } from '../util/paths.js';
import { type TokenTrie, createTrie, insert } from '../util/trie.js';
import { field, readTsv } from '../util/tsv.js';
import { type LeaderKey, compileLeaders, leaderFirstWords, readLeaderTerms } from './leaders.js';
import { termKeys } from './termKeys.js';

/** Categories a gazetteer row may have; see lexicons/README.md. */
export const GAZETTEER_CATEGORIES = new Set([
  'name', 'alias', 'former', 'demonym', 'capital', 'metonym', 'combining', 'not-a-country', 'proxy', 'pair',
]);

export interface GazetteerEntry {
  term: string;
  /** Alpha-2 code, or `-` for a not-a-country entry that only shadows others; `CN PK` for a term that names two. */
  code: string;
  /** The codes `code` lists. */
  codes: string[];
  category: string;
  weight: number;
  note: string;
  /** `file:line` the entry was read from, for lint messages. */
  origin: string;
  /** Declension paradigms of the term's words (lexicons/ru/countries.tsv), one a word; absent where names do not decline. */
  forms?: string;
  /** A declined form in a case other than the nominative (Украине, Китаю): never a sentence's subject. */
  oblique?: boolean;
}

export interface Gazetteer {
  trie: TokenTrie<GazetteerEntry>;
  /** Display name per alpha-2 code, from country-codes.tsv. */
  names: Map<string, string>;
  /** Country names that are also given names (given-names.tsv): "Jordan Peterson" is a person. */
  givenNames: Set<string>;
  /** Leaders and officials by name (leaders.tsv), matched only on dates within their terms. */
  leaders: TokenTrie<LeaderKey>;
  /**
   * Every word that may open a name, with what it may open: 1 a place (the
   * gazetteer), 2 a person (leaders' names as written and without diacritics),
   * 3 both. One look-up per word settles most of a sentence.
   */
  starts: Map<string, number>;
  /** Terms with another common sense, and the cue words (as token keys) that give it away (other-senses.tsv). */
  otherSenses: Map<string, string[][]>;
}

/** Flags of `Gazetteer.starts`. */
export const START_PLACE = 1;
export const START_PERSON = 2;

/** Compile gazetteer rows into a token trie keyed by exact-case words. */
export function compileGazetteer(
  entries: GazetteerEntry[],
  names: Map<string, string>,
  givenNames: Set<string> = new Set(),
  leaders: TokenTrie<LeaderKey> = createTrie(),
  otherSenses: Map<string, string[][]> = new Map(),
): Gazetteer {
  const trie = createTrie<GazetteerEntry>();
  for (const entry of entries) insert(trie, termKeys(entry.term), entry);
  const starts = new Map<string, number>();
  for (const word of trie.root.next.keys()) starts.set(word, START_PLACE);
  for (const word of leaderFirstWords(leaders)) starts.set(word, (starts.get(word) ?? 0) | START_PERSON);
  return { trie, names, givenNames, leaders, starts, otherSenses };
}

/** Cues of other senses by gazetteer term, from `other-senses.tsv`. */
export function readOtherSenses(dir: string = LEXICON_DIR): Map<string, string[][]> {
  const path = join(dir, 'other-senses.tsv');
  const senses = new Map<string, string[][]>();
  for (const row of readTsv(path).rows) {
    const term = field(path, row, 'term');
    const cues = senses.get(term) ?? [];
    cues.push(termKeys(field(path, row, 'cue')));
    senses.set(term, cues);
  }
  return senses;
}

/** Country names that are also given names, from `given-names.tsv`. */
export function readGivenNames(dir: string = LEXICON_DIR): Set<string> {
  const path = join(dir, 'given-names.tsv');
  return new Set(readTsv(path).rows.map((row) => field(path, row, 'term')));
}

/** Read the rows of `countries.tsv` in a lexicon folder. */
export function readGazetteerEntries(dir: string = LEXICON_DIR): GazetteerEntry[] {
  const path = join(dir, 'countries.tsv');
  return readTsv(path).rows.map((row) => ({
    term: field(path, row, 'term'),
    code: field(path, row, 'code'),
    codes: field(path, row, 'code').split(' '),
    category: field(path, row, 'category'),
    weight: Number(field(path, row, 'weight')),
    note: row.fields.get('note') ?? '',
    origin: `${path}:${row.line}`,
    ...(row.fields.has('forms') ? { forms: row.fields.get('forms') as string } : {}),
  }));
}

/** Display names by alpha-2 code from `country-codes.tsv`. */
export function readCountryNames(dir: string = LEXICON_DIR): Map<string, string> {
  const path = join(dir, 'country-codes.tsv');
  const names = new Map<string, string>();
  for (const row of readTsv(path).rows) names.set(field(path, row, 'code'), field(path, row, 'name'));
  return names;
}

let shared: Gazetteer | null = null;

/** The bundled gazetteer, compiled on first use and then reused. */
export function defaultGazetteer(): Gazetteer {
  shared ??= compileGazetteer(
    readGazetteerEntries(),
    readCountryNames(),
    readGivenNames(),
    compileLeaders(readLeaderTerms()),
    readOtherSenses(),
  );
  return shared;
}
