/**
 * Every calendar month from `first` to `last` inclusive (`YYYY-MM`), so
 * charts and tables show months without articles as gaps, never as zeros.
 *
 * @example
 * monthRange('2023-11', '2024-02'); // ['2023-11', '2023-12', '2024-01', '2024-02']
 */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    if (label > last) break;
    months.push(label);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
