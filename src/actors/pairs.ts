/**
 * The most distinct countries a sentence may name and still be about their relationships. A
 * sentence naming more is a list ("delegates from Chile, Ghana, Japan, …"): its mentions count,
 * but it forms no pairs — thirty countries are not 435 relationships, and 120 made 7,140 pair
 * sentences of one line, which no run could write.
 */
export const MAX_COUNTRIES_PAIRED = 8;

/**
 * All unordered pairs among the distinct countries of a sentence, sorted; none when it names more
 * than MAX_COUNTRIES_PAIRED countries.
 *
 * @example
 * pairsOf(['PK', 'CN', 'PK', 'US']); // ['CN-PK', 'CN-US', 'PK-US']
 */
export function pairsOf(codes: readonly string[]): string[] {
  const distinct = [...new Set(codes)].sort();
  if (distinct.length > MAX_COUNTRIES_PAIRED) return [];
  const pairs: string[] = [];
  for (let i = 0; i < distinct.length; i += 1) {
    for (let j = i + 1; j < distinct.length; j += 1) pairs.push(`${distinct[i]}-${distinct[j]}`);
  }
  return pairs;
}
