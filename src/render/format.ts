/** A signed index value for prose and tables: "+12.5", "−35.0" (true minus sign). */
export function signed(value: number): string {
  const fixed = Math.abs(value).toFixed(1);
  return value > 0 ? `+${fixed}` : value < 0 ? `−${fixed}` : fixed;
}

/** "−40.0 to −20.5", or "n/a" when no interval could be computed (one article, or articles that all score the same). */
export function interval(low: number | null, high: number | null): string {
  return low === null || high === null ? 'n/a' : `${signed(low)} to ${signed(high)}`;
}

/** Below this a p-value is printed as "p < 0.001": a permutation test cannot tell smaller values apart. */
export const SMALLEST_PRINTED_P = 0.001;

/** A p-value for prose and tables: "p = 0.042", or "p < 0.001". */
export function pValue(p: number): string {
  return p < SMALLEST_PRINTED_P ? `p < ${SMALLEST_PRINTED_P}` : `p = ${p.toFixed(3)}`;
}

/** A pair's display name from its codes: "China – Pakistan". */
export function pairName(pair: string, names: ReadonlyMap<string, string>): string {
  return pair
    .split('-')
    .map((code) => names.get(code) ?? code)
    .join(' – ');
}
