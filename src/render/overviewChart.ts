import { createCanvas } from '@napi-rs/canvas';
import { type PeriodKind, periodRange } from '../aggregate/periods.js';
import type { PairPeriodIndex } from '../types/pairIndex.js';
import { CHART_FONT, PIXEL_RATIO, canvasPng, prepareCanvas } from './chartCanvas.js';
import { GRID_COLOUR, labelledPeriods } from './periodAxis.js';

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

/** A border the overview draws around a cell. */
export interface CellBorder {
  colour: string;
  width: number;
}

/** The overview's cell borders: every one it draws is explained in its key. */
export const CELL_BORDERS = {
  empty: { colour: GRID_COLOUR, width: 1 },
  covered: { colour: '#444444', width: 1.5 },
  low: { colour: '#bbbbbb', width: 0.5 },
} as const satisfies Record<string, CellBorder>;

/** The key's entries: a sample cell (fill and border) and what it means, one for each border in CELL_BORDERS. */
export function overviewKey(minArticles: number): Array<{ fill: string; border: CellBorder; text: string }> {
  return [
    { fill: '#ffffff', border: CELL_BORDERS.empty, text: 'no articles' },
    { fill: divergingColour(40), border: CELL_BORDERS.covered, text: `${minArticles} or more articles` },
    { fill: divergingColour(40), border: CELL_BORDERS.low, text: `fewer: low coverage` },
  ];
}

function strokeCell(ctx: CanvasRenderingContext2D, border: CellBorder, x: number, y: number, width: number, height: number): void {
  ctx.strokeStyle = border.colour;
  ctx.lineWidth = border.width;
  ctx.strokeRect(x, y, width, height);
}

/**
 * All pairs on one image: a pair × period heatmap of the index, with the
 * number of articles in each cell where there is room, white where a period
 * has no articles and a lighter cell edge where coverage is low; the key
 * under the title shows each border it draws.
 */
export function overviewChart(
  rows: ReadonlyArray<[string, PairPeriodIndex[]]>,
  labels: ReadonlyMap<string, string>,
  period: PeriodKind,
  minArticles: number,
): Promise<Buffer> {
  prepareCanvas();
  const all = rows.flatMap(([, cells]) => cells.map((c) => c.period)).sort();
  const periods = all.length === 0 ? [] : periodRange(all[0] as string, all[all.length - 1] as string, period);
  const height = TOP + rows.length * CELL_HEIGHT + BOTTOM;
  const canvas = createCanvas(WIDTH * PIXEL_RATIO, height * PIXEL_RATIO);
  const ctx = canvas.getContext('2d') as unknown as CanvasRenderingContext2D;
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
  ctx.textAlign = 'left';
  let borderKeyX = LABEL_WIDTH;
  ctx.fillText(numbered ? 'Number in a cell: articles.' : 'Articles per cell: see index.csv.', borderKeyX, 48);
  borderKeyX += 230;
  for (const entry of overviewKey(minArticles)) {
    ctx.fillStyle = entry.fill;
    ctx.fillRect(borderKeyX, 37, 14, 14);
    strokeCell(ctx, entry.border, borderKeyX, 37, 14, 14);
    ctx.fillStyle = '#222222';
    ctx.fillText(entry.text, borderKeyX + 20, 48);
    borderKeyX += 28 + ctx.measureText(entry.text).width;
  }
  rows.forEach(([pair, cells], row) => {
    const y = TOP + row * CELL_HEIGHT;
    ctx.fillStyle = '#222222';
    ctx.textAlign = 'right';
    ctx.fillText(`${labels.get(pair) ?? pair} (${pair})`, LABEL_WIDTH - 8, y + CELL_HEIGHT / 2 + 4);
    const byPeriod = new Map(cells.map((c) => [c.period, c]));
    periods.forEach((p, col) => {
      const x = LABEL_WIDTH + col * cellWidth;
      const cell = byPeriod.get(p);
      strokeCell(ctx, CELL_BORDERS.empty, x, y, cellWidth, CELL_HEIGHT);
      if (!cell) return;
      ctx.fillStyle = divergingColour(cell.index);
      ctx.fillRect(x + 1, y + 1, cellWidth - 2, CELL_HEIGHT - 2);
      strokeCell(ctx, cell.lowCoverage ? CELL_BORDERS.low : CELL_BORDERS.covered, x + 1, y + 1, cellWidth - 2, CELL_HEIGHT - 2);
      if (numbered) {
        ctx.fillStyle = Math.abs(cell.index) > 60 ? '#ffffff' : '#222222';
        ctx.textAlign = 'center';
        ctx.font = `10px "${CHART_FONT}"`;
        ctx.fillText(String(cell.articles), x + cellWidth / 2, y + CELL_HEIGHT / 2 + 4);
        ctx.font = `12px "${CHART_FONT}"`;
      }
    });
  });
  // Period labels on calendar boundaries, as many as fit, each with a tick under its own column.
  const labelled = labelledPeriods(periods, period, Math.floor((WIDTH - LABEL_WIDTH) / 70));
  ctx.fillStyle = '#222222';
  ctx.textAlign = 'center';
  const axisY = TOP + rows.length * CELL_HEIGHT;
  for (const col of labelled) {
    const x = LABEL_WIDTH + (col + 0.5) * cellWidth;
    ctx.fillRect(x - 0.5, axisY, 1, 5);
    ctx.fillText(periods[col] as string, x, axisY + 18);
  }
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
