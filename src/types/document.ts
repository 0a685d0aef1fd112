/** What ingest makes of its input, and what became of each document in the end. */

/** A document as ingest hands it on: text plus where it came from. */
export interface NewsDocument {
  id: string;
  /** ISO date `YYYY-MM-DD`, or null when no usable date was found. */
  date: string | null;
  /** How the date was found: metadata, url, text-header ("Ноябрь 2024"), text, crawl (a WARC record's `WARC-Date`), or default (`--date`). */
  dateRule?: string;
  title: string;
  text: string;
  url?: string;
  source?: string;
  /** File (and line, for line-based formats) the document was read from. */
  origin: string;
}

/** Why a document or a line of input did not reach the index. */
export type SkipReason =
  | 'malformed-json'
  | 'missing-text'
  | 'undated'
  | 'date-out-of-range'
  | 'too-large'
  | 'too-deep'
  | 'unreadable'
  | 'not-a-record'
  | 'duplicate-id'
  | 'read-twice'
  | 'malformed-csv'
  | 'malformed-xml'
  | 'no-article'
  | 'binary'
  | 'invalid-utf8'
  | 'empty'
  // WARC records that are not an article page: fetched with an HTTP status other than 200, not HTML, or not a response at all.
  | 'http-status'
  | 'not-html'
  | 'not-a-response';

/** An input problem: what was skipped, where, and why. */
export interface SkippedInput {
  /** `file:line` or `file`. */
  origin: string;
  /** Document id when one could be read. */
  id: string | null;
  reason: SkipReason;
  message: string;
}

/** What happened to one document. */
export interface DocumentRecord {
  id: string;
  date: string | null;
  /** How the date was found (see NewsDocument.dateRule). */
  dateRule?: string;
  title: string;
  source?: string;
  /** The language of most of the document's text (ISO 639-1), `und` where none could be told; absent for a document never read. */
  lang?: string;
  status: 'scored' | 'no-pair' | 'skipped' | 'duplicate';
  reason?: SkipReason;
  /** For a duplicate: the document kept in its place, and whether the copy was exact or near. */
  duplicateOf?: string;
  duplicateKind?: 'exact' | 'near';
  sentences: number;
  /** Countries found in the document with their mention counts, sorted by code. */
  countries: Array<{ code: string; mentions: number }>;
  pairs: string[];
}
