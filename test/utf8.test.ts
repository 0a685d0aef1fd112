import { describe, expect, it } from 'vitest';
import { Utf8Check } from '../src/ingest/utf8.js';

/** Lines (1-based) that the WHATWG decoder refuses: the outside reference the check must agree with. */
function refusedLines(bytes: Buffer): number[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines: number[] = [];
  let start = 0;
  let line = 1;
  for (let at = 0; at <= bytes.length; at += 1) {
    if (at < bytes.length && bytes[at] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, at));
    } catch {
      lines.push(line);
    }
    start = at + 1;
    line += 1;
  }
  return lines;
}

async function checked(bytes: Buffer, chunk: number): Promise<number[]> {
  const check = new Utf8Check();
  const done = new Promise<void>((resolve) => check.on('finish', resolve));
  check.resume();
  for (let at = 0; at < bytes.length; at += chunk) check.write(bytes.subarray(at, at + chunk));
  check.end();
  await done;
  return [...check.invalidLines].sort((a, b) => a - b);
}

describe('Utf8Check', () => {
  it('notes the lines the decoder refuses, however the bytes are cut into chunks', async () => {
    const bytes = Buffer.concat([
      Buffer.from('China and Pakistan met.\n中巴签署协议。\n', 'utf8'),
      Buffer.from([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x0a]), // "Résumé" in Latin-1
      Buffer.from('Россия и Китай.\n😀 ok\n', 'utf8'),
      Buffer.from([0xe4, 0xb8, 0x0a]), // a Chinese character cut short by the line's end
      Buffer.from([0xed, 0xa0, 0x80, 0x0a, 0xc0, 0xaf, 0x0a, 0xf4, 0x90, 0x80, 0x80, 0x0a]), // surrogate, overlong, above U+10FFFF
      Buffer.from('tail 终\n', 'utf8'),
    ]);
    const expected = refusedLines(bytes);
    expect(expected).toEqual([3, 6, 7, 8, 9]);
    for (const chunk of [1, 2, 3, 4, 5, 7, 11, 64 * 1024]) expect(await checked(bytes, chunk), `chunks of ${chunk}`).toEqual(expected);
  });
});
