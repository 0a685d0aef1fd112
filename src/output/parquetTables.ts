import { createReadStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileWriter, parquetWriteRows } from 'hyparquet-writer';
import { readLines } from '../util/lines.js';
import type { DocumentRecord } from '../types/document.js';
import type { PairPeriodIndex } from '../types/pairIndex.js';
import type { EventEvidence, PairSentence } from '../types/evidence.js';
import { type Cell, type Column, type ColumnKind, CONTRIBUTION_COLUMNS, contributionRows, indexColumns, indexRows } from './indexTables.js';

/** Rows per row group: enough for good compression, few enough to keep memory flat on big runs. */
const ROW_GROUP = 50_000;

interface TableOptions {
  /** The writer named in the files' metadata. */
  createdBy: string;
  rowGroup: number;
}

const PARQUET_TYPES: Record<ColumnKind, { type: 'BYTE_ARRAY' | 'DOUBLE' | 'INT32' | 'BOOLEAN'; converted_type?: 'UTF8' | 'DATE' }> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  double: { type: 'DOUBLE' },
  int: { type: 'INT32' },
  boolean: { type: 'BOOLEAN' },
  date: { type: 'INT32', converted_type: 'DATE' },
};

const DAY_MS = 86_400_000;

/** A Parquet cell: dates as days since 1970-01-01, as the DATE type stores them. */
function parquetCell(kind: ColumnKind, value: Cell): Cell {
  return kind === 'date' && typeof value === 'string' ? Date.parse(`${value}T00:00:00Z`) / DAY_MS : value;
}

async function* rowsOf<Row>(columns: readonly Column<Row>[], rows: AsyncIterable<Row> | Iterable<Row>): AsyncGenerator<Record<string, Cell>> {
  for await (const row of rows) {
    yield Object.fromEntries(columns.map((c) => [c.name, parquetCell(c.kind, c.value(row))]));
  }
}

/**
 * Write one table as a Parquet file, a row group at a time, into a
 * temporary file renamed into place (like every other output).
 */
async function writeTable<Row>(path: string, columns: readonly Column<Row>[], rows: AsyncIterable<Row> | Iterable<Row>, options: TableOptions): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}-parquet`;
  const schema = [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => ({ name: c.name, ...PARQUET_TYPES[c.kind], repetition_type: c.nullable ? ('OPTIONAL' as const) : ('REQUIRED' as const) })),
  ];
  try {
    await parquetWriteRows({
      writer: fileWriter(temporary),
      rows: rowsOf(columns, rows),
      columns: columns.map((c) => ({ name: c.name, nullable: c.nullable === true })),
      schema,
      rowGroupSize: options.rowGroup,
      createdBy: options.createdBy,
    });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function* jsonLines<T>(path: string): AsyncGenerator<T> {
  for await (const line of readLines(createReadStream(path))) {
    if (line !== '') yield JSON.parse(line) as T;
  }
}

const SENTENCE_COLUMNS: Column<PairSentence>[] = [
  { name: 'doc_id', kind: 'string', value: (s) => s.docId },
  { name: 'date', kind: 'date', value: (s) => s.date },
  { name: 'pair', kind: 'string', value: (s) => s.pair },
  { name: 'sentence_index', kind: 'int', value: (s) => s.sentenceIndex },
  { name: 'text', kind: 'string', value: (s) => s.text },
  { name: 'lang', kind: 'string', value: (s) => s.lang },
  { name: 'trust', kind: 'double', value: (s) => s.trust },
  { name: 'tone', kind: 'double', value: (s) => s.tone },
  { name: 'direction', kind: 'string', nullable: true, value: (s) => s.direction ?? null },
  { name: 'inherited', kind: 'boolean', value: (s) => s.inherited === true },
  { name: 'proxy', kind: 'boolean', value: (s) => s.proxy === true },
  { name: 'source', kind: 'string', nullable: true, value: (s) => s.source ?? null },
  { name: 'url', kind: 'string', nullable: true, value: (s) => s.url ?? null },
];

/** A row of `evidence`: one lexicon entry matched in a sentence, on one scale; trust entries count for one pair. */
interface EvidenceRow {
  sentence: PairSentence;
  scale: 'trust' | 'tone';
  item: PairSentence['trustEvidence'][number];
}

const EVIDENCE_COLUMNS: Column<EvidenceRow>[] = [
  { name: 'doc_id', kind: 'string', value: (r) => r.sentence.docId },
  { name: 'sentence_index', kind: 'int', value: (r) => r.sentence.sentenceIndex },
  { name: 'pair', kind: 'string', nullable: true, value: (r) => (r.scale === 'trust' ? r.sentence.pair : null) },
  { name: 'scale', kind: 'string', value: (r) => r.scale },
  { name: 'entry', kind: 'string', value: (r) => r.item.entry },
  { name: 'surface', kind: 'string', value: (r) => r.item.surface },
  { name: 'start', kind: 'int', value: (r) => r.item.start },
  { name: 'end', kind: 'int', value: (r) => r.item.end },
  { name: 'weight', kind: 'double', value: (r) => r.item.weight },
  { name: 'effective', kind: 'double', value: (r) => r.item.effective },
  { name: 'dimension', kind: 'string', value: (r) => r.item.dimension },
  { name: 'rules', kind: 'string', value: (r) => r.item.rules.join('; ') },
];

/**
 * Trust evidence of each pair-sentence (a sentence's words may count for one
 * pair and not another), and tone evidence of each sentence once:
 * sentences.jsonl repeats a sentence for every pair, on consecutive lines.
 */
async function* evidenceRows(sentences: AsyncIterable<PairSentence>): AsyncGenerator<EvidenceRow> {
  let last = '';
  for await (const sentence of sentences) {
    for (const item of sentence.trustEvidence) yield { sentence, scale: 'trust', item };
    const key = `${sentence.docId}\u0000${sentence.sentenceIndex}`;
    if (key === last) continue;
    last = key;
    for (const item of sentence.toneEvidence) yield { sentence, scale: 'tone', item };
  }
}

/** A row of `events`: one coded event of a pair-sentence, with its roles and severity. */
interface EventRow {
  sentence: PairSentence;
  event: EventEvidence;
}

const EVENT_COLUMNS: Column<EventRow>[] = [
  { name: 'doc_id', kind: 'string', value: (r) => r.sentence.docId },
  { name: 'sentence_index', kind: 'int', value: (r) => r.sentence.sentenceIndex },
  { name: 'date', kind: 'date', value: (r) => r.sentence.date },
  { name: 'pair', kind: 'string', value: (r) => r.sentence.pair },
  { name: 'source', kind: 'string', value: (r) => r.event.source },
  { name: 'target', kind: 'string', value: (r) => r.event.target },
  { name: 'mutual', kind: 'boolean', value: (r) => r.event.mutual === true },
  { name: 'pattern', kind: 'string', value: (r) => r.event.pattern },
  { name: 'code', kind: 'string', value: (r) => r.event.code },
  { name: 'category', kind: 'string', value: (r) => r.event.category },
  { name: 'dimension', kind: 'string', value: (r) => r.event.dimension },
  { name: 'severity', kind: 'double', value: (r) => r.event.severity },
  { name: 'effective', kind: 'double', value: (r) => r.event.effective },
  { name: 'surface', kind: 'string', value: (r) => r.event.surface },
  { name: 'start', kind: 'int', value: (r) => r.event.start },
  { name: 'end', kind: 'int', value: (r) => r.event.end },
  { name: 'rules', kind: 'string', value: (r) => r.event.rules.join('; ') },
];

async function* eventRows(sentences: AsyncIterable<PairSentence>): AsyncGenerator<EventRow> {
  for await (const sentence of sentences) for (const event of sentence.events ?? []) yield { sentence, event };
}

const DOCUMENT_COLUMNS: Column<DocumentRecord>[] = [
  { name: 'id', kind: 'string', value: (d) => d.id },
  { name: 'date', kind: 'date', nullable: true, value: (d) => d.date },
  { name: 'date_rule', kind: 'string', nullable: true, value: (d) => d.dateRule ?? null },
  { name: 'title', kind: 'string', value: (d) => d.title },
  { name: 'source', kind: 'string', nullable: true, value: (d) => d.source ?? null },
  { name: 'lang', kind: 'string', nullable: true, value: (d) => d.lang ?? null },
  { name: 'status', kind: 'string', value: (d) => d.status },
  { name: 'reason', kind: 'string', nullable: true, value: (d) => d.reason ?? null },
  { name: 'duplicate_of', kind: 'string', nullable: true, value: (d) => d.duplicateOf ?? null },
  { name: 'duplicate_kind', kind: 'string', nullable: true, value: (d) => d.duplicateKind ?? null },
  { name: 'sentences', kind: 'int', value: (d) => d.sentences },
  { name: 'countries', kind: 'int', value: (d) => d.countries.length },
  { name: 'pairs', kind: 'int', value: (d) => d.pairs.length },
];

/** A row of `mentions`: how often a document names a country (documents.jsonl's nested `countries`, made tidy). */
interface MentionRow {
  doc: DocumentRecord;
  code: string;
  mentions: number;
}

const MENTION_COLUMNS: Column<MentionRow>[] = [
  { name: 'doc_id', kind: 'string', value: (r) => r.doc.id },
  { name: 'country', kind: 'string', value: (r) => r.code },
  { name: 'mentions', kind: 'int', value: (r) => r.mentions },
];

async function* mentionRows(documents: AsyncIterable<DocumentRecord>): AsyncGenerator<MentionRow> {
  for await (const doc of documents) for (const { code, mentions } of doc.countries) yield { doc, code, mentions };
}

/** The Parquet files `--format parquet` writes. */
export const PARQUET_FILES = [
  'index.parquet', 'index-directed.parquet', 'contributions.parquet', 'documents.parquet', 'mentions.parquet', 'sentences.parquet', 'evidence.parquet',
  'events.parquet',
];

/**
 * The run's tables as Parquet, for pandas, polars and DuckDB: the index (of
 * undirected pairs, and of directed dyads) and contributions, documents and their country mentions, pair-sentences,
 * the lexicon evidence behind each sentence's scores and the events coded in them. Every table is flat;
 * the nested fields of the JSONL files become tables of their own, joined
 * on `doc_id` (and `sentence_index`). documents.jsonl and sentences.jsonl are
 * read back from the output folder, so memory does not grow with the corpus.
 */
export async function writeParquetTables(
  dir: string,
  index: readonly PairPeriodIndex[],
  names: ReadonlyMap<string, string>,
  createdBy: string,
  rowGroup = ROW_GROUP,
): Promise<string[]> {
  const documents = join(dir, 'documents.jsonl');
  const sentences = join(dir, 'sentences.jsonl');
  const options = { createdBy, rowGroup };
  await writeTable(join(dir, 'index.parquet'), indexColumns(names), indexRows(index, 'undirected'), options);
  await writeTable(join(dir, 'index-directed.parquet'), indexColumns(names, 'directed'), indexRows(index, 'directed'), options);
  await writeTable(join(dir, 'contributions.parquet'), CONTRIBUTION_COLUMNS, contributionRows(index), options);
  await writeTable(join(dir, 'documents.parquet'), DOCUMENT_COLUMNS, jsonLines<DocumentRecord>(documents), options);
  await writeTable(join(dir, 'mentions.parquet'), MENTION_COLUMNS, mentionRows(jsonLines<DocumentRecord>(documents)), options);
  await writeTable(join(dir, 'sentences.parquet'), SENTENCE_COLUMNS, jsonLines<PairSentence>(sentences), options);
  await writeTable(join(dir, 'evidence.parquet'), EVIDENCE_COLUMNS, evidenceRows(jsonLines<PairSentence>(sentences)), options);
  await writeTable(join(dir, 'events.parquet'), EVENT_COLUMNS, eventRows(jsonLines<PairSentence>(sentences)), options);
  return PARQUET_FILES;
}
