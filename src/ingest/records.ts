import type { NewsDocument, SkippedInput } from '../types/document.js';

/** What ingest yields: a document, or an input that could not become one. */
export type IngestItem = { kind: 'document'; document: NewsDocument } | { kind: 'skipped'; skipped: SkippedInput };

export function skippedItem(skipped: SkippedInput): IngestItem {
  return { kind: 'skipped', skipped };
}

export function documentItem(document: NewsDocument): IngestItem {
  return { kind: 'document', document };
}
