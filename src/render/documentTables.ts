import { join } from 'node:path';
import { AtomicLineFile } from './atomicFile.js';
import type { DocumentRecord, PairPeriodIndex } from '../types.js';

/**
 * Write documents.jsonl and, when asked, the Parquet tables: the only outputs that read every
 * document record. The run writes them first and lets go of the records before the charts are drawn
 * (at eight times Reuters-21578 the records are ~50 MB of the heap). Returns the Parquet files written.
 */
export async function writeDocumentTables(
  dir: string,
  documents: readonly DocumentRecord[],
  parquet: { index: readonly PairPeriodIndex[]; names: ReadonlyMap<string, string>; createdBy: string } | null,
): Promise<string[]> {
  const file = await AtomicLineFile.open(join(dir, 'documents.jsonl'));
  for (const record of documents) await file.writeLine(JSON.stringify(record));
  await file.commit();
  if (!parquet) return [];
  // The Parquet writer is loaded only when Parquet is asked for.
  const { writeParquetTables } = await import('./parquetTables.js');
  return writeParquetTables(dir, parquet.index, documents, parquet.names, parquet.createdBy);
}
