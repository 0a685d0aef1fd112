import { type Readable, Transform, pipeline } from 'node:stream';
import { type LimitReader, WARCParser, type WARCRecord } from 'warcio';
import { isoDay } from './dates.js';
import { readHtml } from './html.js';
import { type IngestLimits, megabytes, nestsDeeperThan } from './limits.js';
import { type IngestItem, type RecordRange, inRange, skippedItem } from './records.js';
import type { SkipReason } from '../types/document.js';

/** Media types read as article pages; anything else a crawler fetched (images, feeds, PDFs) is counted as `not-html`. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Counts the bytes that pass, so the reader can tell whether the parser reached the end of the file. */
class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error: null, chunk: Buffer) => void): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

function skip(origin: string, reason: SkipReason, message: string, id: string | null = null): IngestItem {
  return skippedItem({ origin, id, reason, message });
}

/** The page's text decoded by the charset its response declares (UTF-8 when none, or one this Node does not know). */
function decodePage(bytes: Uint8Array, contentType: string): string {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * What one WARC record gives: a document for an HTML page fetched with status 200, else a skip saying
 * why it is not one. Its block is read only for such a page; a record cut short (its block shorter than
 * its Content-Length) is reported as unreadable.
 */
async function recordItem(record: WARCRecord, origin: string, defaultDate: string | null, limits: IngestLimits): Promise<IngestItem> {
  const url = record.warcTargetURI ?? null;
  if (record.warcType !== 'response') return skip(origin, 'not-a-response', `a ${record.warcType ?? 'untyped'} record`, url);
  const status = record.httpHeaders?.statusCode;
  if (Number(status) !== 200) return skip(origin, 'http-status', `fetched with HTTP status ${status ?? 'unknown'}`, url);
  const contentType = record.httpHeaders?.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (!HTML_TYPES.has(mediaType)) return skip(origin, 'not-html', `a ${mediaType || 'untyped'} response, not an HTML page`, url);
  if (record.warcContentLength > limits.fileBytes) {
    return skip(origin, 'too-large', `a ${megabytes(record.warcContentLength)} record, over the limit of ${megabytes(limits.fileBytes)}`, url);
  }
  const bytes = await record.readFully(true);
  // What the block still owed when its bytes ran out: a file cut inside this record.
  const missing = (record._reader as LimitReader).limit;
  if (missing > 0) return skip(origin, 'unreadable', `record cut short: ${missing} bytes of its block missing (truncated file?)`, url);
  const html = decodePage(bytes, contentType);
  if (nestsDeeperThan(html, limits.markupDepth)) return skip(origin, 'too-deep', `elements nest deeper than ${limits.markupDepth} levels`, url);
  const crawled = isoDay(record.warcDate?.slice(0, 10));
  if (!url || !crawled) return skip(origin, 'not-a-record', 'a response without WARC-Target-URI or WARC-Date', url);
  return readHtml(html, origin, defaultDate, { url, crawled });
}

/**
 * Stream a WARC file (`.warc`, or `.warc.gz` compressed record by record, as Common Crawl's CC-NEWS is)
 * with webrecorder's warcio, one record at a time: an HTML page fetched with status 200 becomes a
 * document (see `recordItem`); every other record is reported in `skipped.jsonl` with its reason. A
 * record's origin is `file@offset`, the byte offset where it starts in the file as stored (compressed),
 * where `warcio extract` or `dd` finds it. With `records`, only those records (1-based) are read, as
 * one part of a file split between tasks. warcio stops without a word at bytes it cannot parse (a
 * corrupt or truncated gzip member): what it did not reach is reported as unreadable from its offset.
 */
export async function* readWarc(
  input: Readable,
  path: string,
  defaultDate: string | null,
  limits: IngestLimits,
  records?: RecordRange,
): AsyncGenerator<IngestItem> {
  const counter = new ByteCounter();
  const parser = new WARCParser(pipeline(input, counter, () => undefined));
  // The number (1-based) of the record being read: a part of a split file reports only its own records' problems.
  let reading = 1;
  try {
    for await (const record of parser) {
      // The records after a part's last are another part's: not read at all.
      if (records && reading > records.last) return;
      if (inRange(reading, records)) yield await recordItem(record, `${path}@${parser.offset}`, defaultDate, limits);
      reading += 1;
    }
  } catch (error) {
    if (inRange(reading, records)) {
      yield skip(`${path}@${parser.offset}`, 'unreadable', `record ${reading} cannot be read: ${(error as Error).message}; the rest of the file is not read`);
    }
    return;
  }
  // The parser stops at the first bytes it cannot read as a record, without a word.
  const stoppedAt = parser.offset;
  if (stoppedAt < counter.bytes && inRange(reading, records)) {
    yield skip(
      `${path}@${stoppedAt}`,
      'unreadable',
      `${counter.bytes - stoppedAt} bytes from record ${reading} on are not a WARC record (truncated or corrupt file); they are not read`,
    );
  }
}
