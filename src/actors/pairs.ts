/**
 * All unordered pairs among the distinct countries of a sentence, sorted.
 *
 * @example
 * pairsOf(['PK', 'CN', 'PK', 'US']); // ['CN-PK', 'CN-US', 'PK-US']
 */
export function pairsOf(codes: readonly string[]): string[] {
  const distinct = [...new Set(codes)].sort();
  const pairs: string[] = [];
  for (let i = 0; i < distinct.length; i += 1) {
    for (let j = i + 1; j < distinct.length; j += 1) pairs.push(`${distinct[i]}-${distinct[j]}`);
  }
  return pairs;
}
