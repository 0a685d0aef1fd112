import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Canvas, GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type ChartType, type Plugin, registerables } from 'chart.js';
import { encodePng } from './png.js';

/**
 * Charts are drawn by chart.js on @napi-rs/canvas (prebuilt Skia, no system
 * libraries). The DejaVu Sans font ships in the dejavu-fonts-ttf npm package
 * and is registered explicitly, so text renders the same on a machine with
 * no fonts installed.
 */
export const CHART_FONT = 'DejaVu Sans';
export const PIXEL_RATIO = 2;

let ready = false;

/** Register the bundled font and chart.js's components, once. */
export function prepareCanvas(): void {
  if (ready) return;
  const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  GlobalFonts.registerFromPath(join(fontDir, 'DejaVuSans.ttf'), CHART_FONT);
  GlobalFonts.registerFromPath(join(fontDir, 'DejaVuSans-Bold.ttf'), CHART_FONT);
  Chart.register(...registerables);
  Chart.defaults.font.family = CHART_FONT;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = '#222222';
  ready = true;
}

/** Paints the canvas white before anything else, so PNGs are not transparent. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * Render a chart.js configuration to PNG bytes at twice the nominal size.
 * Drawing is synchronous; the pixels are then read out and deflated off the
 * main thread, so several charts encode in parallel.
 */
export function renderChart<T extends ChartType>(config: ChartConfiguration<T>, width: number, height: number): Promise<Buffer> {
  prepareCanvas();
  // chart.js takes the canvas size as CSS pixels and scales the bitmap by devicePixelRatio itself.
  const canvas = createCanvas(width, height);
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: PIXEL_RATIO },
    plugins: [...(config.plugins ?? []), whiteBackground],
  } as ChartConfiguration<T>);
  const png = canvasPng(canvas);
  chart.destroy();
  return png;
}

/**
 * A drawn canvas as PNG bytes: its pixels are read out, the canvas is emptied
 * and the pixels deflate off the main thread, so several charts encode in
 * parallel.
 */
export function canvasPng(canvas: Canvas): Promise<Buffer> {
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  // Skia's pixels are native memory the garbage collector does not see: a canvas left to it holds
  // ~6 MB until a collection happens to run, so it is emptied now.
  canvas.width = 0;
  canvas.height = 0;
  return encodePng(pixels.width, pixels.height, pixels.data);
}
