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
 * Longest entry starting at token `start`. `keysAt(i)` gives the keys token i
 * may be looked up under (most often one); `joins(i)` says whether token i
 * may continue a multi-token entry begun before it.
 */
export function longestMatch<T>(
  trie: TokenTrie<T>,
  start: number,
  count: number,
  keysAt: (i: number) => readonly string[],
  joins: (i: number) => boolean = () => true,
): TrieMatch<T> | null {
  let best: TrieMatch<T> | null = null;
  for (const firstKey of keysAt(start)) {
    let node = trie.root.next.get(firstKey);
    let i = start + 1;
    while (node) {
      if (node.value !== undefined && (!best || i > best.end)) best = { value: node.value, end: i };
      if (i >= count || i - start >= trie.maxTokens || !joins(i)) break;
      let child: TrieNode<T> | undefined;
      for (const key of keysAt(i)) {
        child = node.next.get(key);
        if (child) break;
      }
      node = child;
      i += 1;
    }
  }
  return best;
}
