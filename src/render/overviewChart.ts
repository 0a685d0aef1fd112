import { createCanvas } from '@napi-rs/canvas';
import { type PeriodKind, periodRange } from '../aggregate/periods.js';
import type { PairPeriodIndex } from '../types/pairIndex.js';
import { CHART_FONT, PIXEL_RATIO, canvasPng, prepareCanvas } from './chartCanvas.js';

const CELL_HEIGHT = 26;
const LABEL_WIDTH = 260;
const TOP = 70;
const BOTTOM = 110;
const WIDTH = 1100;
/** Narrower cells have no room for their number of articles. */
const MIN_NUMBERED_CELL = 14;

/**
 * A colour on a blue (trust) – white – orange (distrust) scale: a diverging
 * scheme that stays readable with the common colour-vision deficiencies.
 */
export function divergingColour(index: number): string {
  const t = Math.max(-1, Math.min(1, index / 100));
  const [r, g, b] = t >= 0 ? [0, 114, 178] : [213, 94, 0];
  const mix = (c: number) => Math.round(255 + (c - 255) * Math.abs(t));
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/**
 * All pairs on one image: a pair × period heatmap of the index, with the
 * number of articles in each cell, hatched-free white where a period has no
 * articles and a lighter cell edge where coverage is low.
 */
export function overviewChart(rows: ReadonlyArray<[string, PairPeriodIndex[]]>, labels: ReadonlyMap<string, string>, period: PeriodKind): Promise<Buffer> {
  prepareCanvas();
  const all = rows.flatMap(([, cells]) => cells.map((c) => c.period)).sort();
  const periods = all.length === 0 ? [] : periodRange(all[0] as string, all[all.length - 1] as string, period);
  const height = TOP + rows.length * CELL_HEIGHT + BOTTOM;
  const canvas = createCanvas(WIDTH * PIXEL_RATIO, height * PIXEL_RATIO);
  const ctx = canvas.getContext('2d');
  ctx.scale(PIXEL_RATIO, PIXEL_RATIO);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = '#222222';
  ctx.font = `bold 15px "${CHART_FONT}"`;
  ctx.textAlign = 'center';
  ctx.fillText(`Trust index by pair and ${period}, ${periods[0] ?? ''} to ${periods[periods.length - 1] ?? ''}`, WIDTH / 2, 28);
  ctx.font = `12px "${CHART_FONT}"`;
  const cellWidth = periods.length === 0 ? 0 : (WIDTH - LABEL_WIDTH - 20) / periods.length;
  const numbered = cellWidth >= MIN_NUMBERED_CELL;
  // The key promises numbers only when the cells are wide enough to carry them.
  const key = numbered ? 'Number in a cell: articles.' : 'Articles per cell: see index.csv.';
  ctx.fillText(`${key} White: no articles. Thin border: low coverage.`, WIDTH / 2, 48);
  rows.forEach(([pair, cells], row) => {
    const y = TOP + row * CELL_HEIGHT;
    ctx.fillStyle = '#222222';
    ctx.textAlign = 'right';
    ctx.fillText(`${labels.get(pair) ?? pair} (${pair})`, LABEL_WIDTH - 8, y + CELL_HEIGHT / 2 + 4);
    const byPeriod = new Map(cells.map((c) => [c.period, c]));
    periods.forEach((p, col) => {
      const x = LABEL_WIDTH + col * cellWidth;
      const cell = byPeriod.get(p);
      ctx.strokeStyle = '#e6e6e6';
      ctx.lineWidth = 1;
      ctx.strokeRect(x, y, cellWidth, CELL_HEIGHT);
      if (!cell) return;
      ctx.fillStyle = divergingColour(cell.index);
      ctx.fillRect(x + 1, y + 1, cellWidth - 2, CELL_HEIGHT - 2);
      ctx.strokeStyle = cell.lowCoverage ? '#bbbbbb' : '#444444';
      ctx.lineWidth = cell.lowCoverage ? 0.5 : 1.5;
      ctx.strokeRect(x + 1, y + 1, cellWidth - 2, CELL_HEIGHT - 2);
      if (numbered) {
        ctx.fillStyle = Math.abs(cell.index) > 60 ? '#ffffff' : '#222222';
        ctx.textAlign = 'center';
        ctx.font = `10px "${CHART_FONT}"`;
        ctx.fillText(String(cell.articles), x + cellWidth / 2, y + CELL_HEIGHT / 2 + 4);
        ctx.font = `12px "${CHART_FONT}"`;
      }
    });
  });
  // Period labels, as many as fit.
  const every = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor((WIDTH - LABEL_WIDTH) / 70))));
  ctx.fillStyle = '#222222';
  ctx.textAlign = 'center';
  const axisY = TOP + rows.length * CELL_HEIGHT;
  periods.forEach((p, col) => {
    if (col % every === 0) ctx.fillText(p, LABEL_WIDTH + (col + 0.5) * cellWidth, axisY + 16);
  });
  // Colour key.
  const keyX = WIDTH / 2 - 150;
  const keyY = axisY + 45;
  for (let i = 0; i <= 60; i += 1) {
    ctx.fillStyle = divergingColour(-100 + (200 * i) / 60);
    ctx.fillRect(keyX + i * 5, keyY, 5, 14);
  }
  ctx.fillStyle = '#222222';
  ctx.fillText('−100 distrust', keyX - 50, keyY + 11);
  ctx.fillText('0', keyX + 150, keyY + 30);
  ctx.fillText('+100 trust', keyX + 345, keyY + 11);
  return canvasPng(canvas);
}
