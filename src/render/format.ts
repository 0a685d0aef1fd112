/** A signed index value for prose and tables: "+12.5", "−35.0" (true minus sign). */
export function signed(value: number): string {
  const fixed = Math.abs(value).toFixed(1);
  return value > 0 ? `+${fixed}` : value < 0 ? `−${fixed}` : fixed;
}

/** "−40.0 to −20.5", or "n/a" when no interval could be computed. */
export function interval(low: number | null, high: number | null): string {
  return low === null || high === null ? 'n/a (one article)' : `${signed(low)} to ${signed(high)}`;
}

/** A pair's display name from its codes: "China – Pakistan". */
export function pairName(pair: string, names: ReadonlyMap<string, string>): string {
  return pair
    .split('-')
    .map((code) => names.get(code) ?? code)
    .join(' – ');
}
