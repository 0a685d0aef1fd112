import { Transform, type TransformCallback } from 'node:stream';

const NEWLINE = 0x0a;

/**
 * Passes bytes through unchanged and notes the lines (1-based) that hold bytes
 * which are not valid UTF-8: a Latin-1 file decoded as UTF-8 would otherwise
 * turn into replacement characters without a word. A line is noted once its
 * bytes have passed, so a reader downstream can ask about a line as soon as
 * it has it. Checks sequences across chunk boundaries, and rejects overlong
 * forms, surrogates and code points above U+10FFFF, as the decoder does.
 */
export class Utf8Check extends Transform {
  /** Lines holding invalid bytes. */
  readonly invalidLines = new Set<number>();
  private line = 1;
  /** Continuation bytes still expected, and the range the next one must be in. */
  private needed = 0;
  private low = 0x80;
  private high = 0xbf;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (const byte of chunk) this.check(byte);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.needed > 0) this.invalidLines.add(this.line);
    done();
  }

  private check(byte: number): void {
    if (this.needed > 0) {
      if (byte >= this.low && byte <= this.high) {
        this.needed -= 1;
        this.low = 0x80;
        this.high = 0xbf;
        return;
      }
      // A sequence cut short: the byte that broke it starts afresh.
      this.invalidLines.add(this.line);
      this.needed = 0;
      this.low = 0x80;
      this.high = 0xbf;
    }
    if (byte === NEWLINE) this.line += 1;
    if (byte < 0x80) return;
    if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      this.needed = 2;
      if (byte === 0xe0) this.low = 0xa0;
      if (byte === 0xed) this.high = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      this.needed = 3;
      if (byte === 0xf0) this.low = 0x90;
      if (byte === 0xf4) this.high = 0x8f;
    } else this.invalidLines.add(this.line);
  }

  /** The first line with invalid bytes, or null. */
  firstInvalidLine(): number | null {
    // Lines are noted in the order they are read, so the first noted is the first.
    return this.invalidLines.values().next().value ?? null;
  }
}
