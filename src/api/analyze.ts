import { DEFAULT_INDEX_OPTIONS, type IndexOptions } from '../aggregate/pairPeriodIndex.js';
import type { RunCounts } from '../aggregate/runAggregator.js';
import { DEFAULT_FIELDS, type FieldMap } from '../ingest/fields.js';
import { readInputs } from '../ingest/readInputs.js';
import { runPipeline } from '../pipeline/pipeline.js';
import type { DocumentRecord, SkippedInput } from '../types/document.js';
import type { PairPeriodIndex, PairSummary } from '../types/pairIndex.js';
import type { PairSentence } from '../types/evidence.js';

export interface AnalyzeOptions {
  defaultDate?: string | null;
  index?: Partial<IndexOptions>;
  fields?: Partial<FieldMap>;
  proxies?: boolean;
}

/** The tables a run produces, as arrays of records, for notebooks and programs. */
export interface Analysis {
  counts: RunCounts;
  /** One record per pair × direction × period (as index.csv and index-directed.csv together). */
  index: PairPeriodIndex[];
  /** Per pair and direction: long-run mean and linear trend. */
  pairs: PairSummary[];
  /** Every document with its status (as documents.jsonl). */
  documents: DocumentRecord[];
  /** Every scored pair-sentence of the documents kept (as sentences.jsonl). */
  sentences: PairSentence[];
  skipped: SkippedInput[];
}

/**
 * Run the pipeline and return its tables in memory instead of writing files:
 * the same numbers `trust-index run` writes, for a notebook or a program.
 * Holds every sentence in memory, so for large archives use `run` and read
 * the files.
 *
 * @example
 * const { index } = await analyze(['examples/demo/news.jsonl']);
 * index.filter((c) => c.pair === 'CN-PK' && c.direction === 'both').map((c) => [c.period, c.index]);
 */
export async function analyze(inputs: string[], options: AnalyzeOptions = {}): Promise<Analysis> {
  // Sentence lines by the origin of their copy (one id may be read more than once).
  const lines = new Map<string, string[]>();
  const skipped: SkippedInput[] = [];
  const documents: DocumentRecord[] = [];
  const sentences: PairSentence[] = [];
  const items = readInputs(inputs, { defaultDate: options.defaultDate ?? null, fields: { ...DEFAULT_FIELDS, ...options.fields } });
  const result = await runPipeline(
    items,
    {
      document: (doc) => void lines.set(doc.origin, doc.sentenceLines),
      skipped: (s) => void skipped.push(s),
      // In document order (date, then id), as documents.jsonl and sentences.jsonl.
      records: (records) => {
        for (const { record, origin, counted } of records) {
          documents.push(record);
          if (counted && origin !== null) for (const line of lines.get(origin) ?? []) sentences.push(JSON.parse(line) as PairSentence);
        }
      },
    },
    { index: { ...DEFAULT_INDEX_OPTIONS, ...options.index }, ...(options.proxies !== undefined ? { proxies: options.proxies } : {}) },
  );
  return { counts: result.counts, index: result.index, pairs: result.pairs, documents, sentences, skipped };
}
