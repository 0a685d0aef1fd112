import type { ChartConfiguration } from 'chart.js';
import { monthRange } from '../aggregate/months.js';
import type { PairMonthIndex } from '../types.js';
import { renderChart } from './chartCanvas.js';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = {
  index: '#0072B2',
  band: 'rgba(86, 180, 233, 0.35)',
  bandEdge: 'rgba(0, 114, 178, 0.5)',
  articles: 'rgba(0, 0, 0, 0.14)',
  zero: '#444444',
  grid: '#e6e6e6',
};

export interface PairChartInput {
  pair: string;
  /** "China – Pakistan" */
  title: string;
  cells: PairMonthIndex[];
}

/**
 * The index of one pair over time with its 95% band and, on a second axis,
 * the articles per month so coverage is always in view. Months without
 * articles are gaps.
 */
export function pairIndexChart({ pair, title, cells }: PairChartInput): Buffer {
  const first = cells[0]?.month ?? '';
  const last = cells[cells.length - 1]?.month ?? '';
  const months = monthRange(first, last);
  const byMonth = new Map(cells.map((c) => [c.month, c]));
  const column = (pick: (c: PairMonthIndex) => number | null) => months.map((m) => {
    const cell = byMonth.get(m);
    return cell ? pick(cell) : null;
  });
  const config: ChartConfiguration<'line' | 'bar', Array<number | null>, string> = {
    type: 'line',
    data: {
      labels: months,
      datasets: [
        {
          // Floating bars [low, high]: an interval stays visible even when the
          // months beside it have none.
          type: 'bar',
          label: '95% interval',
          data: months.map((m) => {
            const cell = byMonth.get(m);
            return cell && cell.ciLow !== null && cell.ciHigh !== null ? [cell.ciLow, cell.ciHigh] : null;
          }) as unknown as Array<number | null>,
          backgroundColor: PALETTE.band,
          borderColor: PALETTE.bandEdge,
          borderWidth: 1,
          grouped: false,
          barPercentage: 0.35,
          order: 2,
        },
        {
          label: 'Trust index',
          data: column((c) => c.index),
          borderColor: PALETTE.index,
          backgroundColor: PALETTE.index,
          borderWidth: 2,
          pointRadius: 3,
          spanGaps: false,
          order: 1,
        },
        {
          type: 'bar',
          label: 'Articles',
          data: column((c) => c.articles),
          backgroundColor: PALETTE.articles,
          yAxisID: 'articles',
          grouped: false,
          barPercentage: 0.8,
          order: 3,
        },
      ],
    },
    options: {
      plugins: {
        title: { display: true, text: `${title} (${pair}): trust index by month, ${first} to ${last}`, font: { size: 15 } },
        legend: { position: 'bottom' },
      },
      scales: {
        x: { title: { display: true, text: 'Month' }, grid: { color: PALETTE.grid } },
        y: {
          min: -100,
          max: 100,
          title: { display: true, text: 'Trust index (−100 to +100, 0 = neutral)' },
          grid: { color: (ctx) => (ctx.tick.value === 0 ? PALETTE.zero : PALETTE.grid) },
        },
        articles: {
          position: 'right',
          beginAtZero: true,
          // Bars fill the lower quarter of the plot, under the index line.
          max: Math.max(4, ...cells.map((c) => c.articles)) * 4,
          title: { display: true, text: 'Articles per month' },
          grid: { display: false },
          ticks: { precision: 0 },
        },
      },
    },
  };
  return renderChart(config, 900, 460);
}
