import { join } from 'node:path';
import { LEXICON_DIR } from '../paths.js';
import { tokenizeWords } from '../text/words.js';
import { type TokenTrie, createTrie, insert } from '../trie.js';
import { field, readTsv } from '../tsv.js';

/** Categories a gazetteer row may have; see lexicons/README.md. */
export const GAZETTEER_CATEGORIES = new Set([
  'name', 'alias', 'former', 'demonym', 'capital', 'metonym', 'combining', 'not-a-country', 'proxy',
]);

export interface GazetteerEntry {
  term: string;
  /** Alpha-2 code, or `-` for a not-a-country entry that only shadows others. */
  code: string;
  category: string;
  weight: number;
  note: string;
  /** `file:line` the entry was read from, for lint messages. */
  origin: string;
}

export interface Gazetteer {
  trie: TokenTrie<GazetteerEntry>;
  /** Display name per alpha-2 code, from country-codes.tsv. */
  names: Map<string, string>;
  /** Country names that are also given names (given-names.tsv): "Jordan Peterson" is a person. */
  givenNames: Set<string>;
}

/** The key a surface word is stored and looked up under (possessive dropped). */
export function tokenKey(text: string): string {
  return text.endsWith("'s") || text.endsWith('’s') || text.endsWith("'S") || text.endsWith('’S') ? text.slice(0, -2) : text;
}

/** The exact-case token keys of a gazetteer term. */
export function termKeys(term: string): string[] {
  return tokenizeWords(term).map((t) => tokenKey(t.text));
}

/** Compile gazetteer rows into a token trie keyed by exact-case words. */
export function compileGazetteer(
  entries: GazetteerEntry[],
  names: Map<string, string>,
  givenNames: Set<string> = new Set(),
): Gazetteer {
  const trie = createTrie<GazetteerEntry>();
  for (const entry of entries) insert(trie, termKeys(entry.term), entry);
  return { trie, names, givenNames };
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
    category: field(path, row, 'category'),
    weight: Number(field(path, row, 'weight')),
    note: row.fields.get('note') ?? '',
    origin: `${path}:${row.line}`,
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
  shared ??= compileGazetteer(readGazetteerEntries(), readCountryNames(), readGivenNames());
  return shared;
}
