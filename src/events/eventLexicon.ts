import { join } from 'node:path';
import { LEXICON_DIR } from '../util/paths.js';
import { inflections } from '../text/inflect.js';
import { type TokenTrie, createTrie, insert } from '../util/trie.js';
import { field, readTsv } from '../util/tsv.js';
import { loadCameo, type CameoCode } from './cameo.js';
import { type VerbForms, loadIrregularVerbs } from './irregularVerbs.js';

/** How the subject of an event's sentence relates to its roles (see lexicons/README.md). */
export type Voice = 'active' | 'received' | 'mutual' | 'speech';
export const VOICES: ReadonlySet<string> = new Set<Voice>(['active', 'received', 'mutual', 'speech']);

/** The largest gap a `*` stands for, in words. */
export const MAX_GAP = 3;

/** One line of `events.tsv`: what states do to each other, with its CAMEO code and Goldstein severity. */
export interface EventEntry {
  /** As written: lower-case words, `*` for a gap. */
  pattern: string;
  code: string;
  /** The code's root category (`19`) and its name (`fight`). */
  root: string;
  category: string;
  /** Trust dimension the event counts in (diplomatic, security, economic…). */
  dimension: string;
  /** Goldstein severity, −10 … +10. */
  weight: number;
  voice: Voice;
  note: string;
  /** `file:line`. */
  origin: string;
  /** The pattern in look-up keys where they differ from its words (Russian stems): the matcher reads this one. */
  keyPattern?: string;
}

/** A compiled pattern: the words after its first segment, gap by gap. */
export interface EventPattern {
  entry: EventEntry;
  /** Segments after the first; a gap of 0…MAX_GAP words stands before each. */
  rest: ReadonlyArray<readonly string[]>;
  /** Accepted forms of the pattern's last word when it ends a later segment (its regular inflections). */
  lastForms: ReadonlySet<string>;
  /** Literal words, for preferring the more specific of two patterns. */
  words: number;
}

export interface EventLexicon {
  entries: EventEntry[];
  /** First segments, head forms included, to the patterns that begin with them. */
  trie: TokenTrie<EventPattern[]>;
  /** Every past participle a head may take: a participle after a form of "be" is a passive. */
  participles: ReadonlySet<string>;
  /** Most words a gap `*` spans: MAX_GAP, or more in a language whose words are shorter (Chinese). */
  maxGap: number;
}

/** The head's forms: itself, its regular inflections, and its irregular past and participle. */
function headForms(head: string, irregular: ReadonlyMap<string, VerbForms>): { forms: string[]; participles: string[] } {
  const known = irregular.get(head);
  const regular = inflections(head);
  if (!known) return { forms: [head, ...regular], participles: regular.filter((f) => f.endsWith('ed')) };
  // An irregular verb has no regular past ("taked"): keep its -s and -ing forms, add its own past and participle.
  const kept = regular.filter((f) => !f.endsWith('ed'));
  return { forms: [...new Set([head, ...kept, ...known.past, ...known.participle])], participles: [...known.participle] };
}

/**
 * The singular of a plural last word, so "reject * talks" also reads "rejects talk of a ceasefire" and
 * "send * troops" "sends a troop contingent": -ies → -y and -s dropped; words whose -s is not a plural
 * ("as", "gas", "status", "crisis", "press") keep only their own form.
 *
 * @example
 * singulars('talks'); // ['talk']
 * singulars('hostilities'); // ['hostility']
 * singulars('gas'); // []
 */
export function singulars(word: string): string[] {
  if (!/[^aiu s]s$/.test(word) || word.length < 4) return [];
  return word.endsWith('ies') && word.length > 4 ? [`${word.slice(0, -3)}y`] : [word.slice(0, -1)];
}

/** Segments of a pattern split at its gaps: `recall * ambassador` → [['recall'], ['ambassador']]. */
export function patternSegments(pattern: string): string[][] {
  return pattern.split(' * ').map((part) => part.split(' '));
}

/**
 * Check one entry's shape; returns the problem, or null. The lint test runs
 * this over every line, and loading refuses an entry that fails it.
 */
export function patternProblem(pattern: string): string | null {
  if (pattern !== pattern.toLowerCase()) return 'pattern must be lower case';
  if (/\s{2,}|^\s|\s$|\t/.test(pattern)) return 'pattern words must be separated by single spaces';
  const words = pattern.split(' ');
  if (words[0] === '*' || words[words.length - 1] === '*') return 'a gap may not open or close a pattern';
  if (words.some((w, i) => w === '*' && words[i + 1] === '*')) return 'two gaps in a row';
  return null;
}

/**
 * Compile `events.tsv`: each pattern's first segment goes into a trie under
 * every form of its head (and of its last word, when that ends the first
 * segment), so a sentence is scanned once, one Map look-up a word, whatever
 * the number of patterns; the segments after a gap are matched from there.
 */
export function compileEventLexicon(
  entries: EventEntry[],
  irregular: ReadonlyMap<string, VerbForms>,
  /** English heads and last words inflect; other languages' keys already cover their forms (stems) or have none (Chinese). */
  inflect = true,
  maxGap = MAX_GAP,
): EventLexicon {
  const trie = createTrie<EventPattern[]>();
  const participles = new Set<string>();
  // Patterns sharing a first segment share one list at its node.
  const add = (keys: string[], pattern: EventPattern) => {
    const existing = walk(trie, keys);
    if (existing) existing.push(pattern);
    else insert(trie, keys, [pattern]);
  };
  // Many patterns share a head ("reject" begins some eighty) or a last word: their forms are worked out once.
  const heads = new Map<string, ReturnType<typeof headForms>>();
  const lasts = new Map<string, ReadonlySet<string>>();
  for (const entry of entries) {
    const segments = patternSegments(entry.keyPattern ?? entry.pattern);
    const first = segments[0] as string[];
    const rest = segments.slice(1);
    const lastWord = (segments[segments.length - 1] as string[]).at(-1) as string;
    const multiword = entry.pattern.includes(' ');
    let lastForms = multiword ? lasts.get(lastWord) : new Set([lastWord]);
    if (!lastForms) {
      lastForms = new Set(inflect ? [lastWord, ...inflections(lastWord), ...singulars(lastWord)] : [lastWord]);
      lasts.set(lastWord, lastForms);
    }
    const pattern: EventPattern = { entry, rest, lastForms, words: segments.flat().length };
    const headWord = first[0] as string;
    const head = heads.get(headWord) ?? (inflect ? headForms(headWord, irregular) : { forms: [headWord], participles: [] });
    heads.set(headWord, head);
    for (const p of head.participles) participles.add(p);
    const keySets = new Set<string>();
    for (const form of head.forms) keySets.add([form, ...first.slice(1)].join(' '));
    // The last word of a first segment that is the whole pattern inflects too ("sign agreement" → "agreements").
    if (rest.length === 0 && first.length > 1) for (const form of lastForms) keySets.add([...first.slice(0, -1), form].join(' '));
    for (const keys of keySets) add(keys.split(' '), pattern);
  }
  return { entries, trie, participles, maxGap };
}

function walk<T>(trie: TokenTrie<T>, keys: readonly string[]): T | undefined {
  let node = trie.root;
  for (const key of keys) {
    const child = node.next.get(key);
    if (!child) return undefined;
    node = child;
  }
  return node.value;
}

/** Read `events.tsv` against the CAMEO codes; a malformed line throws with file and line. */
export function readEventEntries(path: string, cameo: ReadonlyMap<string, CameoCode>): EventEntry[] {
  return readTsv(path).rows.map((row) => {
    const where = `${path}:${row.line}`;
    const pattern = field(path, row, 'pattern');
    const problem = patternProblem(pattern);
    if (problem) throw new Error(`${where}: ${problem}`);
    const code = field(path, row, 'code');
    const known = cameo.get(code);
    if (!known) throw new Error(`${where}: unknown CAMEO code ${code}`);
    const voice = field(path, row, 'voice');
    if (!VOICES.has(voice)) throw new Error(`${where}: unknown voice ${voice}`);
    const weight = Number(field(path, row, 'weight'));
    if (!Number.isFinite(weight) || Math.abs(weight) > 10) throw new Error(`${where}: weight must lie in −10…10`);
    return {
      pattern,
      code,
      root: known.root,
      category: known.rootName,
      dimension: known.dimension,
      weight,
      voice: voice as Voice,
      note: row.fields.get('note') ?? '',
      origin: where,
    };
  });
}

/** The bundled event lexicon (`events.tsv`, `irregular-verbs.tsv`, `cameo.tsv`). */
export function loadEventLexicon(dir: string = LEXICON_DIR): EventLexicon {
  const cameo = loadCameo(dir);
  return compileEventLexicon(readEventEntries(join(dir, 'events.tsv'), cameo), loadIrregularVerbs(dir));
}
