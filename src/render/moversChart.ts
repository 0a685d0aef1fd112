import type { ChartConfiguration } from 'chart.js';
import type { PairPeriodIndex } from '../types/pairIndex.js';
import { renderChart } from './chartCanvas.js';

/**
 * Per pair: the lexicon entries that moved the latest period most, as
 * horizontal bars in index points (blue pushed the index up, orange down).
 */
export function moversChart(pair: string, title: string, cell: PairPeriodIndex): Promise<Buffer> {
  const entries = cell.topEntries;
  const config: ChartConfiguration<'bar', number[], string> = {
    type: 'bar',
    data: {
      labels: entries.map((e) => `${e.entry} (${e.dimension})`),
      datasets: [
        {
          label: 'Index points',
          data: entries.map((e) => e.contribution),
          backgroundColor: entries.map((e) => (e.contribution >= 0 ? '#0072B2' : '#D55E00')),
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: {
        title: { display: true, text: `${title} (${pair}): what moved ${cell.period} (index ${cell.index})`, font: { size: 15 } },
        legend: { display: false },
      },
      scales: {
        x: { title: { display: true, text: 'Index points contributed' }, grid: { color: (ctx) => (ctx.tick.value === 0 ? '#444444' : '#e6e6e6') } },
        y: { ticks: { autoSkip: false } },
      },
    },
  };
  return renderChart(config, 900, 120 + 42 * Math.max(entries.length, 1));
}
