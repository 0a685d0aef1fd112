/** The calendar unit the index is computed over. */
export type PeriodKind = 'week' | 'month' | 'quarter';

export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'month', 'quarter'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** ISO 8601 week of a day: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(day: string): { year: number; week: number } {
  const date = utc(day);
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  // January 4th is always in week 1; count whole weeks from that week's Thursday.
  const jan4 = utc(`${year}-01-04`);
  const days = (date.getTime() - jan4.getTime()) / 86_400_000;
  const week = 1 + Math.round((days - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return { year, week };
}

/**
 * The period label of a day: `2024-11` (month), `2024-Q4` (quarter) or
 * `2024-W48` (ISO week). Labels of one kind sort in time order.
 *
 * @example
 * periodOf('2024-11-28', 'week'); // '2024-W48'
 * periodOf('2021-01-01', 'week'); // '2020-W53'
 */
export function periodOf(day: string, kind: PeriodKind): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (kind === 'month') return `${year}-${pad(month)}`;
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  const week = isoWeek(day);
  return `${week.year}-W${pad(week.week)}`;
}

/** The kind of a period label: `2024-W48` a week, `2024-Q4` a quarter, `2024-11` a month. */
export function periodKindOf(label: string): PeriodKind {
  return label.charAt(5) === 'W' ? 'week' : label.charAt(5) === 'Q' ? 'quarter' : 'month';
}

/** The first day of a period. */
export function periodStart(label: string, kind: PeriodKind): string {
  const year = Number(label.slice(0, 4));
  if (kind === 'month') return `${label}-01`;
  if (kind === 'quarter') return `${year}-${pad((Number(label.slice(6)) - 1) * 3 + 1)}-01`;
  const jan4 = utc(`${year}-01-04`);
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  monday.setUTCDate(monday.getUTCDate() + (Number(label.slice(6)) - 1) * 7);
  return monday.toISOString().slice(0, 10);
}

/** The label of the period after `label`. */
export function nextPeriod(label: string, kind: PeriodKind): string {
  const start = utc(periodStart(label, kind));
  if (kind === 'week') start.setUTCDate(start.getUTCDate() + 7);
  else start.setUTCMonth(start.getUTCMonth() + (kind === 'month' ? 1 : 3));
  return periodOf(start.toISOString().slice(0, 10), kind);
}

/**
 * Every period from `first` to `last` inclusive, so periods without articles
 * show as gaps, never as zeros.
 *
 * @example
 * periodRange('2023-11', '2024-02', 'month'); // ['2023-11', '2023-12', '2024-01', '2024-02']
 */
export function periodRange(first: string, last: string, kind: PeriodKind): string[] {
  const labels: string[] = [];
  for (let label = first; label <= last; label = nextPeriod(label, kind)) labels.push(label);
  return labels;
}

/**
 * Whether a period had ended by a day (`YYYY-MM-DD`): the day falls in a later period. On
 * 2024-11-02, `2024-10` has ended and `2024-11` has not.
 */
export function periodEnded(label: string, kind: PeriodKind, day: string): boolean {
  return periodStart(nextPeriod(label, kind), kind) <= day;
}
