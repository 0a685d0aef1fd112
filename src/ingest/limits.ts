import { Transform } from 'node:stream';

/**
 * How much one input may ask of a run; past a limit the input is skipped with the reason
 * `too-large` or `too-deep`, and the run goes on. Each bounds a way one file used to take a run's
 * memory or time: a 50 MB JSONL line held 3.4 GB, a gzip bomb of NULs grew with its decompressed
 * size, 20 MB of nested `<div>`s took the HTML parser minutes.
 */
export interface IngestLimits {
  /** Characters of one document's title and text (1 MB of text: a long report, not a book). */
  documentChars: number;
  /** Characters of one JSONL line or CSV record; a longer one is dropped as it streams, never held. */
  lineChars: number;
  /** Columns of a CSV or TSV header: every row becomes an object of that many fields (200,000 columns took 15 s for 20 rows). */
  csvColumns: number;
  /** Bytes of a file read whole (text, HTML, feed), after any decompression. */
  fileBytes: number;
  /** Bytes a `.gz` file may decompress to. */
  decompressedBytes: number;
  /** Nesting depth of an HTML page's or a feed's elements, counted in its text before any parsing. */
  markupDepth: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  documentChars: 1_000_000,
  lineChars: 64 * 1024 * 1024,
  csvColumns: 1_000,
  fileBytes: 64 * 1024 * 1024,
  decompressedBytes: 2 * 1024 * 1024 * 1024,
  markupDepth: 1_000,
};

/** An input past one of the limits; the reader that meets it stops there. */
export class LimitError extends Error {
  constructor(
    readonly reason: 'too-large' | 'too-deep',
    message: string,
  ) {
    super(message);
  }
}

/** A megabyte figure for messages. */
export function megabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;
}

/** Pass bytes through until `max` have passed, then fail with a LimitError saying `what`. */
export function byteLimit(max: number, what: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) done(new LimitError('too-large', `${what} past ${megabytes(max)}: the rest is not read`));
      else done(null, chunk);
    },
  });
}

/** Elements that never hold others, so their tags open no level. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/**
 * Whether a page's tags nest deeper than `max`, from its text alone: one linear scan counting open
 * and close tags (void and self-closed ones open nothing). Tags a browser closes implicitly (`<p>`,
 * `<li>`) count as open, so this overstates depth on sloppy pages; the limit leaves room for that.
 */
export function nestsDeeperThan(html: string, max: number): boolean {
  let depth = 0;
  for (const match of html.matchAll(TAG)) {
    const name = (match[2] as string).toLowerCase();
    if (match[1] === '/') depth = Math.max(0, depth - 1);
    else if (match[3] !== '/' && !VOID.has(name)) {
      depth += 1;
      if (depth > max) return true;
    }
  }
  return false;
}
