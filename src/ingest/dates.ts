/** `YYYY-MM-DD` or an ISO 8601 datetime whose date part is a real calendar day. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The calendar date of an ISO 8601 date or datetime, as `YYYY-MM-DD`; null
 * when the value is missing or not a real date. A datetime keeps the date it
 * was written with (the publisher's local day), not its UTC day.
 *
 * @example
 * isoDay('2024-11-28T23:30:00+05:00'); // '2024-11-28'
 * isoDay('2024-02-30'); // null
 */
export function isoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const day = date.toISOString().slice(0, 10);
  return day === `${y}-${m}-${d}` ? day : null;
}

/** The earliest date a document may carry: news before it is a typo or a sentinel, not news. */
export const EARLIEST_DAY = '1900-01-01';

/**
 * The latest date a document may carry on `today`: a year ahead, for time
 * zones and embargoed stories. `9999-12-31` and its like are sentinels, and
 * a period filled from now to them would never end.
 */
export function latestDay(today: Date = new Date()): string {
  const ahead = new Date(today.getTime());
  ahead.setUTCFullYear(ahead.getUTCFullYear() + 1);
  return ahead.toISOString().slice(0, 10);
}

/** Whether a `YYYY-MM-DD` day lies between EARLIEST_DAY and `latestDay(today)`, both included. */
export function dayInRange(day: string, today: Date = new Date()): boolean {
  return day >= EARLIEST_DAY && day <= latestDay(today);
}
