import { promisify } from 'node:util';
import { deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);

/**
 * zlib level of chart PNGs. Charts are flat colour on white, so a fast level
 * without row filters compresses them nearly as well as Skia's encoder
 * (≈150 KB against ≈130 KB for an 800×400 chart at 2×) for an eighth of the
 * CPU (≈11 ms against ≈88 ms). With 60 charts a report, encoding had become
 * the largest single cost of a run after the statistics; pngjs, which runs
 * its row filters in JavaScript, took ≈35 ms a chart.
 */
export const PNG_DEFLATE_LEVEL = 3;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** CRC-32 (ISO 3309, the polynomial PNG specifies), one table built at load. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * CRC-32 of some bytes.
 *
 * @example
 * crc32(Buffer.from('123456789')); // 0xcbf43926, the standard check value
 */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * The rows of an image as PNG's filtered scanlines: each row prefixed with
 * its filter type, 0 (none). Made before the first await of `encodePng`, so
 * the caller's pixel buffer is garbage while the rows deflate.
 */
function filteredRows(width: number, height: number, rgba: Uint8ClampedArray): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error(`encodePng: ${rgba.length} bytes for ${width}×${height} RGBA pixels`);
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  // The zero filter bytes are already there.
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) pixels.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return rows;
}

/**
 * RGBA pixels (8 bits a channel, rows top to bottom) as PNG bytes. Each row
 * gets filter type 0 and the whole image one zlib stream, deflated on
 * libuv's thread pool, so several charts encode while the next is drawn.
 *
 * @example
 * await encodePng(1, 1, new Uint8ClampedArray([255, 255, 255, 255])); // a one-pixel white PNG
 */
export async function encodePng(width: number, height: number, rgba: Uint8ClampedArray): Promise<Buffer> {
  const rows = filteredRows(width, height, rgba);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // Compression, filter method and interlace stay 0.
  const data = await deflateAsync(rows, { level: PNG_DEFLATE_LEVEL });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}
