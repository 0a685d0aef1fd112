import { join } from 'node:path';
import { LEXICON_DIR } from '../util/paths.js';
import { tokenizeWords } from '../text/words.js';
import { type TokenTrie, createTrie, insert, longestMatch } from '../util/trie.js';
import { field, readTsv } from '../util/tsv.js';
import type { Token } from '../types/sentence.js';

/** Words that show a sentence is about the relationship itself, from `relationship.tsv`. */
export function loadRelationshipCues(dir: string = LEXICON_DIR): TokenTrie<string> {
  const path = join(dir, 'relationship.tsv');
  const trie = createTrie<string>();
  for (const row of readTsv(path).rows) {
    const term = field(path, row, 'term').toLowerCase();
    insert(trie, tokenizeWords(term).map((t) => t.lower), term);
  }
  return trie;
}

let shared: TokenTrie<string> | null = null;

/** The relationship cue a sentence contains, if any ("the two nations", "bilateral"). */
export function relationshipCue(tokens: readonly Token[], cues: TokenTrie<string> = (shared ??= loadRelationshipCues())): string | null {
  const keys = tokens.map((t) => t.lower);
  for (let i = 0; i < keys.length; i += 1) {
    if (!cues.root.next.has(keys[i] as string)) continue;
    const match = longestMatch(cues, i, keys);
    if (match) return match.value;
  }
  return null;
}

/**
 * The pair an article is mainly about: the one with the most sentences that
 * name both its countries (ties go to the alphabetically first pair); null
 * when no sentence names two countries.
 *
 * @example
 * principalPair([['CN-PK'], ['CN-PK', 'CN-US'], []]); // 'CN-PK'
 */
export function principalPair(sentencePairs: ReadonlyArray<readonly string[]>): string | null {
  const counts = new Map<string, number>();
  for (const pairs of sentencePairs) for (const pair of pairs) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  let best: string | null = null;
  for (const [pair, n] of counts) {
    const top = best === null ? 0 : (counts.get(best) as number);
    if (n > top || (n === top && best !== null && pair < best)) best = pair;
  }
  return best;
}

/**
 * Whether a sentence that names fewer than two countries continues the
 * article's principal pair: it names one country of the pair and no other
 * ("Beijing's concerns grew"), or names none and refers to the relationship
 * ("the two nations", "bilateral").
 */
export function continuesPair(codes: readonly string[], tokens: readonly Token[], pair: string): boolean {
  const distinct = [...new Set(codes)];
  if (distinct.length === 1) return pair.split('-').includes(distinct[0] as string);
  return distinct.length === 0 && relationshipCue(tokens) !== null;
}
