import type { NewsDocument, SkippedInput } from '../types/document.js';

/** What ingest yields: a document, or an input that could not become one. */
export type IngestItem = { kind: 'document'; document: NewsDocument } | { kind: 'skipped'; skipped: SkippedInput };

export function skippedItem(skipped: SkippedInput): IngestItem {
  return { kind: 'skipped', skipped };
}

export function documentItem(document: NewsDocument): IngestItem {
  return { kind: 'document', document };
}

/**
 * The records of one file that a run reads (1-based, both ends included; JSONL lines, WARC records),
 * so that a large file can be split between tasks whose outputs merge into one run's: each record keeps
 * the origin (line, offset) it has in the whole file.
 */
export interface RecordRange {
  first: number;
  last: number;
}

/** Whether record `number` is to be read: every record is, without a range. */
export function inRange(number: number, range: RecordRange | undefined): boolean {
  return range === undefined || (number >= range.first && number <= range.last);
}
