import type { PreparedDocument } from './analysis.js';
import type { DocumentRecord, SkippedInput } from './document.js';

/** A document's final record, as the run lists it once every document is in. */
export interface FinalRecord {
  record: DocumentRecord;
  /** Where the copy was read, which its lines were filed under (`PreparedDocument.origin`); null for a document skipped before analysis. */
  origin: string | null;
  /** Whether its sentences count: false for skipped documents, copies folded as duplicates and repeats of an id not kept. */
  counted: boolean;
}

/** Receives the pipeline's sentences, fingerprints and skipped inputs as they stream. */
export interface PipelineSink {
  /** An analysed copy; several copies may share an id (a repeated id), never an origin. */
  document(doc: PreparedDocument): void | Promise<void>;
  skipped(skipped: SkippedInput): void | Promise<void>;
  /**
   * Once every document is in: each document's final record (copies marked `duplicate`, repeats of an id
   * not kept marked `skipped` as `duplicate-id`) in date-then-id order, read back from the run's scratch
   * file as the iterable is walked (walk it once, before returning). The run keeps no list of records.
   * The repeats' `duplicate-id` skips are given to `skipped` before this is called.
   */
  records?(records: Iterable<FinalRecord>): void | Promise<void>;
}
