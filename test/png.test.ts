import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from '../src/render/png.js';

describe('crc32', () => {
  it('gives the standard check values', () => {
    // The CRC-32 check value of "123456789", and the CRC every PNG's IEND chunk carries.
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });
});

describe('encodePng', () => {
  it('writes a PNG that an independent decoder (Skia) reads back pixel for pixel', async () => {
    const width = 7;
    const height = 5;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i += 1) rgba.set([(i * 37) % 256, (i * 91) % 256, (i * 13) % 256, 255], i * 4);
    const png = await encodePng(width, height, rgba);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(-12).toString('latin1', 4, 8)).toBe('IEND');
    const image = await loadImage(png);
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    expect([...context.getImageData(0, 0, width, height).data]).toEqual([...rgba]);
  });

  it('gives the same bytes for the same pixels', async () => {
    const rgba = new Uint8ClampedArray(64 * 64 * 4).fill(200);
    expect((await encodePng(64, 64, rgba)).equals(await encodePng(64, 64, rgba))).toBe(true);
  });

  it('refuses pixels that do not fill the image', async () => {
    await expect(encodePng(2, 2, new Uint8ClampedArray(12))).rejects.toThrow('12 bytes for 2×2 RGBA pixels');
  });
});
