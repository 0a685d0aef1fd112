import { join } from 'node:path';
import { LEXICON_DIR } from '../util/paths.js';
import { tokenizeWords } from '../text/words.js';
import { type TokenTrie, createTrie, insert } from '../util/trie.js';
import { field, readTsv } from '../util/tsv.js';

export const MODIFIER_CATEGORIES = new Set([
  'negator', 'booster', 'dampener', 'hedge', 'contrast-before', 'contrast-clause', 'framing', 'reversal', 'shadow', 'topic',
]);

/** A cue word or phrase from `modifiers.tsv` and the factor it applies. */
export interface Modifier {
  term: string;
  factor: number;
  category: string;
}

export interface ModifierSet {
  trie: TokenTrie<Modifier>;
  entries: Modifier[];
}

/** The lower-case words of an English term: how the English lexicons key their entries. */
export function englishKeys(term: string): string[] {
  return tokenizeWords(term).map((t) => t.lower);
}

/** Read `modifiers.tsv` into a trie keyed by lower-case words (or by the keys `keysOf` gives: Russian stems). */
export function loadModifiers(dir: string = LEXICON_DIR, keysOf: (term: string) => string[] = englishKeys): ModifierSet {
  const path = join(dir, 'modifiers.tsv');
  const trie = createTrie<Modifier>();
  const entries: Modifier[] = [];
  for (const row of readTsv(path).rows) {
    const modifier = {
      term: field(path, row, 'term').toLowerCase(),
      factor: Number(field(path, row, 'weight')),
      category: field(path, row, 'category'),
    };
    entries.push(modifier);
    insert(trie, keysOf(modifier.term), modifier);
  }
  return { trie, entries };
}
