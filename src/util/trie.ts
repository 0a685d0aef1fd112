/**
 * A trie over token keys, shared by the gazetteer and the scoring lexicons:
 * every entry is compiled once at load, and a sentence is matched in one
 * left-to-right scan, whatever the number of entries.
 */
export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value?: T;
}

export interface TokenTrie<T> {
  root: TrieNode<T>;
  /** Longest entry in tokens; bounds every walk. */
  maxTokens: number;
}

export function createTrie<T>(): TokenTrie<T> {
  return { root: { next: new Map() }, maxTokens: 1 };
}

/** Add an entry under a key sequence; a later entry with the same keys replaces the earlier. */
export function insert<T>(trie: TokenTrie<T>, keys: readonly string[], value: T): void {
  let node = trie.root;
  for (const key of keys) {
    let child = node.next.get(key);
    if (!child) {
      child = { next: new Map() };
      node.next.set(key, child);
    }
    node = child;
  }
  node.value = value;
  trie.maxTokens = Math.max(trie.maxTokens, keys.length);
}

export interface TrieMatch<T> {
  value: T;
  /** One past the last token of the match. */
  end: number;
}

/**
 * Longest entry starting at token `start`. `keys[i]` is the key of token i;
 * `alternates[i]`, when set, is a second key token i may match under (an
 * all-capitals headline word's title-case form). `joins(i)` says whether
 * token i may continue an entry begun before it. Plain arrays, not
 * callbacks returning arrays: this runs once per token of every sentence.
 */
export function longestMatch<T>(
  trie: TokenTrie<T>,
  start: number,
  keys: readonly string[],
  joins?: (i: number) => boolean,
  alternates?: readonly (string | undefined)[],
): TrieMatch<T> | null {
  const first = walk(trie, start, keys, joins, alternates, keys[start]);
  const alternate = alternates?.[start];
  if (alternate === undefined) return first;
  const second = walk(trie, start, keys, joins, alternates, alternate);
  return second && (!first || second.end > first.end) ? second : first;
}

function walk<T>(
  trie: TokenTrie<T>,
  start: number,
  keys: readonly string[],
  joins: ((i: number) => boolean) | undefined,
  alternates: readonly (string | undefined)[] | undefined,
  firstKey: string | undefined,
): TrieMatch<T> | null {
  if (firstKey === undefined) return null;
  const node = trie.root.next.get(firstKey);
  return node ? longestFrom(trie, node, start, keys, joins, alternates) : null;
}

/**
 * Longest entry through `first`, the node of token `start`'s key: for
 * callers that have already looked that key up.
 */
export function longestFrom<T>(
  trie: TokenTrie<T>,
  first: TrieNode<T>,
  start: number,
  keys: readonly string[],
  joins?: (i: number) => boolean,
  alternates?: readonly (string | undefined)[],
): TrieMatch<T> | null {
  let node: TrieNode<T> | undefined = first;
  let best: TrieMatch<T> | null = null;
  let i = start + 1;
  const limit = Math.min(keys.length, start + trie.maxTokens);
  while (node) {
    if (node.value !== undefined) best = { value: node.value, end: i };
    if (i >= limit || (joins && !joins(i))) break;
    const key = keys[i] as string;
    let child = node.next.get(key);
    const alternate = alternates?.[i];
    if (!child && alternate !== undefined) child = node.next.get(alternate);
    node = child;
    i += 1;
  }
  return best;
}
