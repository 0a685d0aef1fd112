import type { PreparedDocument } from './analysis.js';
import type { DocumentRecord, SkippedInput } from './document.js';

/** Receives the pipeline's sentences, fingerprints and skipped inputs as they stream. */
export interface PipelineSink {
  document(doc: PreparedDocument): void | Promise<void>;
  skipped(skipped: SkippedInput): void | Promise<void>;
  /**
   * Once every document is in: each document's final record (copies marked `duplicate`) in date-then-id
   * order, read back from the run's scratch file as the iterable is walked (walk it once, before
   * returning), and the ids of the copies folded away. The run keeps no list of records.
   */
  records?(records: Iterable<DocumentRecord>, folded: ReadonlySet<string>): void | Promise<void>;
}
