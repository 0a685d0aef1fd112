import type { PeriodKind } from '../aggregate/periods.js';

/** Label steps, in periods, that fall on calendar boundaries: 12 months is every January, 4 quarters every Q1. */
const STEPS: Record<PeriodKind, readonly number[]> = {
  month: [1, 2, 3, 6, 12, 24, 36, 60, 120],
  quarter: [1, 2, 4, 8, 20, 40],
  week: [1, 2, 4, 8, 13, 26, 52, 104, 260],
};

/** A period's place on a calendar count (months or quarters since year 0; weeks by their place in the list). */
function ordinal(label: string, kind: PeriodKind, position: number): number {
  const year = Number(label.slice(0, 4));
  if (kind === 'month') return year * 12 + Number(label.slice(5, 7)) - 1;
  if (kind === 'quarter') return year * 4 + Number(label.slice(6)) - 1;
  return position;
}

/**
 * Which periods of a time axis get a label: every `step`-th on the
 * calendar (January, July… for months), the smallest step that keeps the
 * labels within `maxLabels`, so they never overlap and need no rotation.
 * Only labelled periods get a tick and a grid line: a line between labels
 * would read as the label beside it (January 2016 read as March).
 *
 * @example
 * labelledPeriods(periodRange('2015-07', '2024-11', 'month'), 'month', 10); // indices of 2016-01, 2017-01, …
 */
export function labelledPeriods(periods: readonly string[], kind: PeriodKind, maxLabels: number): Set<number> {
  const steps = STEPS[kind];
  for (const step of steps) {
    const picked = periods.flatMap((p, i) => (ordinal(p, kind, i) % step === 0 ? [i] : []));
    if (picked.length <= maxLabels || step === steps[steps.length - 1]) {
      // A short range may hold no calendar boundary of the step: label its first period then.
      return new Set(picked.length > 0 ? picked : [0]);
    }
  }
  return new Set([0]);
}

/** Colour of a time axis' grid lines. */
export const GRID_COLOUR = '#e6e6e6';
const HIDDEN = 'rgba(0, 0, 0, 0)';

/** Most labels a time axis of a 900-pixel chart holds side by side ("2024-W48" is about 60 pixels). */
export const MAX_TIME_LABELS = 10;

/**
 * The chart.js options of a category axis of periods: a label, a tick and a
 * grid line through the middle of each labelled period, and nothing at the
 * others (chart.js' own thinning kept grid lines at unlabelled periods).
 */
export function periodAxisOptions(periods: readonly string[], kind: PeriodKind) {
  const labelled = labelledPeriods(periods, kind, MAX_TIME_LABELS);
  const shown = (index: number) => labelled.has(index);
  return {
    title: { display: true, text: (kind[0]?.toUpperCase() ?? '') + kind.slice(1) },
    ticks: {
      autoSkip: false,
      maxRotation: 0,
      callback: (_value: unknown, index: number) => (shown(index) ? (periods[index] ?? '') : ''),
    },
    grid: {
      // Through the period's middle, where its point and bar are, even when bars are drawn.
      offset: false,
      color: (ctx: { index: number }) => (shown(ctx.index) ? GRID_COLOUR : HIDDEN),
      tickColor: (ctx: { index: number }) => (shown(ctx.index) ? GRID_COLOUR : HIDDEN),
    },
  };
}

/**
 * A round maximum for a count axis at or above `value`: 1, 2, 2.5, 3, 4, 5,
 * 6 or 8 times a power of ten, so its ticks are round numbers.
 *
 * @example
 * roundMaximum(28); // 30
 */
export function roundMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value - 1e-9) as number;
  return nice * power;
}
