import { join } from 'node:path';
import { LEXICON_DIR } from '../util/paths.js';
import { type TokenTrie, createTrie, insert } from '../util/trie.js';
import { field, readTsv } from '../util/tsv.js';
import { termKeys } from './termKeys.js';

/** Offices a row of leaders.tsv may hold. */
export const LEADER_OFFICES = new Set(['head-of-state', 'head-of-government', 'foreign-minister']);

/** One person in one office for one term. */
export interface LeaderTerm {
  name: string;
  /** The form that matches by itself (a surname, a nickname), or null where it is too common. */
  alone: string | null;
  code: string;
  office: string;
  weight: number;
  /** First day in office, ISO. */
  from: string;
  /** First day out of office, ISO; null while in office at the table's last review. */
  to: string | null;
  origin: string;
  /** Declension paradigms of the name's words (lexicons/ru/leaders.tsv); absent where names do not decline. */
  forms?: string;
}

/** What a matched run of words may name: the terms it is the full name of, and those it is the short form of. */
export interface LeaderKey {
  full: LeaderTerm[];
  alone: LeaderTerm[];
}

const NON_ASCII = /[^\x00-\x7f]/;
const FOLDED_LETTERS = new Map([['ı', 'i'], ['ł', 'l'], ['Ł', 'L'], ['ø', 'o'], ['Ø', 'O'], ['đ', 'd'], ['Đ', 'D']]);

/**
 * A name key without diacritics, so "Erdogan" finds Erdoğan and "Lofven"
 * Löfven. ASCII keys, nearly all of them, are returned as they are.
 *
 * @example
 * foldKey('Yıldırım'); // 'Yildirim'
 */
export function foldKey(key: string): string {
  if (!NON_ASCII.test(key)) return key;
  return key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıłŁøØđĐ]/g, (letter) => FOLDED_LETTERS.get(letter) ?? letter);
}

/** Read the rows of `leaders.tsv` in a lexicon folder. */
export function readLeaderTerms(dir: string = LEXICON_DIR): LeaderTerm[] {
  const path = join(dir, 'leaders.tsv');
  return readTsv(path).rows.map((row) => {
    const alone = field(path, row, 'alone');
    const to = field(path, row, 'to');
    return {
      name: field(path, row, 'name'),
      alone: alone === '-' ? null : alone,
      code: field(path, row, 'code'),
      office: field(path, row, 'category'),
      weight: Number(field(path, row, 'weight')),
      from: field(path, row, 'from'),
      to: to === '-' ? null : to,
      origin: `${path}:${row.line}`,
      ...(row.fields.has('forms') ? { forms: row.fields.get('forms') as string } : {}),
    };
  });
}

/** Token keys of a name as the trie stores them: exact case, diacritics folded. */
export function leaderKeys(name: string): string[] {
  return termKeys(name).map(foldKey);
}

/** Compile leader terms into a trie of folded name keys, full names and short forms alike. */
export function compileLeaders(terms: readonly LeaderTerm[]): TokenTrie<LeaderKey> {
  const trie = createTrie<LeaderKey>();
  const keyed = new Map<string, LeaderKey>();
  const add = (name: string, term: LeaderTerm, kind: 'full' | 'alone') => {
    const keys = leaderKeys(name);
    const id = keys.join(' ');
    let value = keyed.get(id);
    if (!value) {
      value = { full: [], alone: [] };
      keyed.set(id, value);
      insert(trie, keys, value);
    }
    value[kind].push(term);
  };
  for (const term of terms) {
    add(term.name, term, 'full');
    if (term.alone !== null) add(term.alone, term, 'alone');
  }
  return trie;
}

/** The first words of every name in the trie, folded and as the table writes them ("Edouard", "Édouard"). */
export function leaderFirstWords(trie: TokenTrie<LeaderKey>): Set<string> {
  const words = new Set<string>(trie.root.next.keys());
  // Names end deeper than the first level ("Édouard Philippe"), so walk every node.
  const pending = [...trie.root.next.values()];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    for (const term of [...(node.value?.full ?? []), ...(node.value?.alone ?? [])]) {
      for (const name of [term.name, term.alone]) if (name) words.add(termKeys(name)[0] as string);
    }
    pending.push(...node.next.values());
  }
  return words;
}

function inOffice(term: LeaderTerm, date: string): boolean {
  return term.from <= date && (term.to === null || date < term.to);
}

/**
 * The country a matched name speaks for on a date: the one country of the
 * people it names who were in office then. A full name names one person; a
 * short form ("Sharif", "Trump") may name several, and counts only when those
 * in office that day all serve one country. Former leaders count for nobody.
 *
 * @example
 * const trump = compileLeaders(readLeaderTerms()).root.next.get('Trump')?.value as LeaderKey;
 * leaderCountry(trump, '2018-06-12')?.code; // 'US'
 * leaderCountry(trump, '2022-06-12'); // null: a former president then
 */
export function leaderCountry(key: LeaderKey, date: string): LeaderTerm | null {
  const serving = [...key.full, ...key.alone].filter((term) => inOffice(term, date));
  const first = serving[0];
  if (!first || serving.some((term) => term.code !== first.code)) return null;
  return first;
}
