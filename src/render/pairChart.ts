import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { type PeriodKind, periodRange } from '../aggregate/periods.js';
import type { PairPeriodIndex } from '../types/pairIndex.js';
import { renderChart } from './chartCanvas.js';
import { GRID_COLOUR, periodAxisOptions, roundMaximum } from './periodAxis.js';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = {
  index: '#0072B2',
  band: 'rgba(86, 180, 233, 0.35)',
  bandEdge: 'rgba(0, 114, 178, 0.5)',
  articles: 'rgba(0, 0, 0, 0.14)',
  significant: '#D55E00',
  zero: '#444444',
  grid: GRID_COLOUR,
};

export interface PairChartInput {
  pair: string;
  /** "China – Pakistan" */
  title: string;
  cells: PairPeriodIndex[];
  period: PeriodKind;
}

type Point = number | null;

/** A legend-only dataset: explains a marker style without drawing data. */
function legendEntry(
  label: string,
  pointStyle: 'circle' | 'rectRot',
  fill: string,
  stroke: string,
  order: number,
): ChartDataset<'line', Point[]> {
  return { label, data: [], pointStyle, pointRadius: 6, backgroundColor: fill, borderColor: stroke, borderWidth: 2, showLine: false, order };
}

/**
 * The index of one pair over time with its 95% intervals and, on a second
 * axis, the articles per period so coverage is always in view. Periods
 * without articles are gaps; low-coverage periods are hollow points;
 * significant changes are orange diamonds.
 */
export function pairIndexChart(input: PairChartInput): Promise<Buffer> {
  return renderChart(pairIndexChartConfig(input), 900, 460);
}

/** The chart.js configuration of `pairIndexChart`. */
export function pairIndexChartConfig({ pair, title, cells, period }: PairChartInput): ChartConfiguration<'line' | 'bar', Point[], string> {
  const first = cells[0]?.period ?? '';
  const last = cells[cells.length - 1]?.period ?? '';
  const periods = periodRange(first, last, period);
  const byPeriod = new Map(cells.map((c) => [c.period, c]));
  const at = <T>(pick: (c: PairPeriodIndex) => T, empty: T) =>
    periods.map((p) => {
      const cell = byPeriod.get(p);
      return cell ? pick(cell) : empty;
    });
  return {
    type: 'line',
    data: {
      labels: periods,
      datasets: [
        {
          label: 'Trust index',
          data: at<Point>((c) => c.index, null),
          borderColor: PALETTE.index,
          borderWidth: 2,
          spanGaps: false,
          pointStyle: at((c) => (c.significant ? 'rectRot' : 'circle'), 'circle'),
          pointRadius: at((c) => (c.significant ? 7 : 4), 0),
          pointBorderWidth: 2,
          pointBorderColor: at((c) => (c.significant ? PALETTE.significant : PALETTE.index), PALETTE.index),
          pointBackgroundColor: at(
            (c) => (c.lowCoverage ? '#ffffff' : c.significant ? PALETTE.significant : PALETTE.index),
            PALETTE.index,
          ),
          backgroundColor: PALETTE.index,
          order: 1,
        },
        {
          // Floating bars [low, high]: an interval stays visible even when the
          // periods beside it have none.
          type: 'bar',
          label: '95% interval',
          data: at((c) => (c.ciLow !== null && c.ciHigh !== null ? [c.ciLow, c.ciHigh] : null), null) as unknown as Point[],
          backgroundColor: PALETTE.band,
          borderColor: PALETTE.bandEdge,
          borderWidth: 1,
          grouped: false,
          barPercentage: 0.35,
          order: 2,
        },
        {
          type: 'bar',
          label: 'Articles',
          data: at<Point>((c) => c.articles, null),
          backgroundColor: PALETTE.articles,
          yAxisID: 'articles',
          grouped: false,
          barPercentage: 0.8,
          order: 3,
        },
        // The index line's own legend swatch would copy its first point, which may be hollow.
        legendEntry('Trust index', 'circle', PALETTE.index, PALETTE.index, 1),
        legendEntry('Low coverage (hollow)', 'circle', '#ffffff', PALETTE.index, 4),
        legendEntry('Significant change (p < 0.05)', 'rectRot', PALETTE.significant, PALETTE.significant, 5),
      ],
    },
    options: {
      plugins: {
        title: { display: true, text: `${title} (${pair}): trust index by ${period}, ${first} to ${last}`, font: { size: 15 } },
        legend: { position: 'bottom', labels: { usePointStyle: true, filter: (item) => item.datasetIndex !== 0 } },
      },
      scales: {
        x: periodAxisOptions(periods, period),
        y: {
          min: -100,
          max: 100,
          title: { display: true, text: 'Trust index (−100 to +100, 0 = neutral)' },
          grid: { color: (ctx) => (ctx.tick.value === 0 ? PALETTE.zero : PALETTE.grid) },
        },
        articles: {
          position: 'right',
          beginAtZero: true,
          // Bars fill at most the lower quarter of the plot, under the index line; the maximum is round so its ticks are.
          max: roundMaximum(Math.max(4, ...cells.map((c) => c.articles)) * 4),
          title: { display: true, text: `Articles per ${period}` },
          grid: { display: false },
          ticks: { precision: 0 },
        },
      },
    },
  };
}
