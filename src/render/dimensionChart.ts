import type { ChartConfiguration } from 'chart.js';
import { TRUST_DIMENSIONS } from '../score/lexicon.js';
import type { PairPeriodIndex } from '../types/pairIndex.js';
import { renderChart } from './chartCanvas.js';

/** One Okabe–Ito colour per dimension, in TRUST_DIMENSIONS order. */
const DIMENSION_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#999999'];

/**
 * Per pair: the index split by dimension in each period with articles, as
 * diverging stacked bars (cooperation above zero, distrust below). The bars
 * of a period add up to its index.
 */
export function dimensionChart(pair: string, title: string, cells: readonly PairPeriodIndex[], period: string): Promise<Buffer> {
  const dimensions = [...TRUST_DIMENSIONS];
  const config: ChartConfiguration<'bar', number[], string> = {
    type: 'bar',
    data: {
      labels: cells.map((c) => c.period),
      datasets: dimensions.map((d, i) => ({
        label: d,
        data: cells.map((c) => c.dimensions[d] ?? 0),
        backgroundColor: DIMENSION_COLOURS[i] as string,
        stack: 'index',
      })),
    },
    options: {
      plugins: {
        title: { display: true, text: `${title} (${pair}): index by dimension, periods with articles (by ${period})`, font: { size: 15 } },
        legend: { position: 'bottom' },
      },
      scales: {
        x: { stacked: true, title: { display: true, text: period[0]?.toUpperCase() + period.slice(1) } },
        y: {
          stacked: true,
          min: -100,
          max: 100,
          title: { display: true, text: 'Index points (they add up to the index)' },
          grid: { color: (ctx) => (ctx.tick.value === 0 ? '#444444' : '#e6e6e6') },
        },
      },
    },
  };
  return renderChart(config, 900, 420);
}
