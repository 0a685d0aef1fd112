import type { ChartConfiguration } from 'chart.js';
import { type PeriodKind, periodRange } from '../aggregate/periods.js';
import { TRUST_DIMENSIONS } from '../score/lexicon.js';
import type { PairPeriodIndex } from '../types/pairIndex.js';
import { renderChart } from './chartCanvas.js';
import { GRID_COLOUR, periodAxisOptions } from './periodAxis.js';

/** One Okabe–Ito colour per dimension, in TRUST_DIMENSIONS order. */
const DIMENSION_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#999999'];

/** The chart.js configuration of `dimensionChart`: every period of the range, those without articles empty. */
export function dimensionChartConfig(
  pair: string,
  title: string,
  cells: readonly PairPeriodIndex[],
  period: PeriodKind,
): ChartConfiguration<'bar', Array<number | null>, string> {
  const periods = periodRange(cells[0]?.period ?? '', cells[cells.length - 1]?.period ?? '', period);
  const byPeriod = new Map(cells.map((c) => [c.period, c]));
  return {
    type: 'bar',
    data: {
      labels: periods,
      datasets: [...TRUST_DIMENSIONS].map((d, i) => ({
        label: d,
        // A period without articles is a gap, as on the index chart, never a zero.
        data: periods.map((p) => {
          const cell = byPeriod.get(p);
          return cell ? (cell.dimensions[d] ?? 0) : null;
        }),
        backgroundColor: DIMENSION_COLOURS[i] as string,
        stack: 'index',
      })),
    },
    options: {
      // Room for the half of the last period's bar that lies beyond its grid line.
      layout: { padding: { right: 16 } },
      plugins: {
        title: { display: true, text: `${title} (${pair}): index by dimension and ${period}, gaps where no article`, font: { size: 15 } },
        legend: { position: 'bottom' },
      },
      scales: {
        x: { stacked: true, ...periodAxisOptions(periods, period) },
        y: {
          stacked: true,
          min: -100,
          max: 100,
          title: { display: true, text: 'Index points (they add up to the index)' },
          grid: { color: (ctx) => (ctx.tick.value === 0 ? '#444444' : GRID_COLOUR) },
        },
      },
    },
  };
}

/**
 * Per pair: the index split by dimension in each period, as diverging
 * stacked bars (cooperation above zero, distrust below). The bars of a
 * period add up to its index.
 */
export function dimensionChart(pair: string, title: string, cells: readonly PairPeriodIndex[], period: PeriodKind): Promise<Buffer> {
  return renderChart(dimensionChartConfig(pair, title, cells, period), 900, 420);
}
