import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunAggregator, type RunCounts } from '../aggregate/runAggregator.js';
import { readLines } from '../util/lines.js';
import { checkInputsExist } from '../ingest/readInputs.js';
import type { PipelineResult } from '../pipeline/pipeline.js';
import type { OriginLine, StateLine } from '../types/analysis.js';
import { prepareDocument } from '../pipeline/preparedDocument.js';
import type { OutputSink } from '../output/outputSink.js';
import { type OutputSettings, type RunSummary, lexiconDigests, produceOutputs, toolVersion } from './run.js';
import type { FieldMap } from '../ingest/fields.js';
import type { Fingerprint } from '../types/fingerprint.js';
import { decodeMinhash } from '../text/fingerprint.js';
import type { DocumentRecord, SkippedInput } from '../types/document.js';
import type { PairSentence } from '../types/evidence.js';

export interface MergeOptions extends Omit<OutputSettings, 'defaultDate' | 'proxies' | 'fields' | 'languages'> {
  /** Output folders of earlier runs (each holds documents.jsonl, sentences.jsonl, state.jsonl, skipped.jsonl, index.json). */
  shards: string[];
  /** Threads for the index (its permutation tests): this one and N − 1 workers; 1 by default. The outputs are the same. */
  jobs?: number;
}

function fileLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');
}

function fingerprintOf(line: StateLine): Fingerprint {
  return { exact: line.exact, minhash: decodeMinhash(line.minhash) };
}

/** A document's sentences in a shard, and their lines as read (a run's JSON of them, passed on as they are). */
interface ShardSentences {
  sentences: PairSentence[];
  lines: string[];
}

/** Sentences of a shard, grouped by document: sentences.jsonl holds each document's lines together. */
async function sentencesByDocument(path: string): Promise<Map<string, ShardSentences>> {
  const groups = new Map<string, ShardSentences>();
  for await (const line of readLines(createReadStream(path))) {
    if (line === '') continue;
    const sentence = JSON.parse(line) as PairSentence;
    const group = groups.get(sentence.docId);
    if (group) {
      group.sentences.push(sentence);
      group.lines.push(line);
    } else groups.set(sentence.docId, { sentences: [sentence], lines: [line] });
  }
  return groups;
}

/**
 * A shard's record as it was before the shard folded duplicates and chose among the copies of an id:
 * the merge decides both anew.
 */
function unfolded(record: DocumentRecord): DocumentRecord {
  if (record.status === 'skipped' && record.reason === 'duplicate-id') {
    const { reason: _reason, ...rest } = record;
    return { ...rest, status: rest.pairs.length > 0 ? 'scored' : 'no-pair' };
  }
  if (record.status !== 'duplicate') return record;
  const { duplicateOf: _of, duplicateKind: _kind, ...rest } = record;
  return { ...rest, status: rest.pairs.length > 0 ? 'scored' : 'no-pair' };
}

/** What a shard's index.json says of how it was made. */
interface ShardMeta {
  version: string;
  lexicons: Record<string, string>;
  counts: RunCounts;
  options: { defaultDate: string | null; proxies?: boolean; fields?: FieldMap; period: string; languages?: string[] };
}

/** The options that shape a shard's documents and sentences: shards merged must agree on every one. */
const SHAPING_OPTIONS = ['defaultDate', 'proxies', 'fields', 'period', 'languages'] as const;

function shardMeta(dir: string): ShardMeta {
  const path = join(dir, 'index.json');
  if (!existsSync(path)) throw new Error(`${dir}: no index.json: not the output folder of a run`);
  return JSON.parse(readFileSync(path, 'utf8')) as ShardMeta;
}

/** Refuse shards made by another version, with other lexicons, or with options that differ from the first shard's. */
function checkCompatible(shards: readonly string[]): ShardMeta {
  const metas = shards.map(shardMeta);
  const first = metas[0] as ShardMeta;
  const version = toolVersion();
  const lexicons = lexiconDigests();
  metas.forEach((meta, i) => {
    const where = join(shards[i] as string, 'index.json');
    if (meta.version !== version) throw new Error(`${where}: made by trust-index ${JSON.stringify(meta.version)}, not ${version}; rerun that shard`);
    for (const [file, digest] of Object.entries(lexicons)) {
      if (meta.lexicons[file] !== digest) throw new Error(`${where}: made with another version of ${file}; rerun that shard`);
    }
    for (const option of SHAPING_OPTIONS) {
      const [mine, theirs] = [meta.options[option], first.options[option]].map((v) => JSON.stringify(v ?? null));
      if (mine !== theirs) throw new Error(`${where}: made with ${option} ${mine}, but ${join(shards[0] as string, 'index.json')} with ${theirs}; shards must be run alike`);
    }
  });
  return first;
}

/**
 * Which shard (its place in the list) read each input document, by origin, and the id it had there: one
 * input in two shards would be counted twice. One id read at two places is a repeated id, decided as a
 * run decides it.
 */
type Owners = Map<string, { shard: number; id: string }>;

async function addShard(shards: readonly string[], shard: number, aggregator: RunAggregator, sink: OutputSink, owners: Owners): Promise<void> {
  const dir = shards[shard] as string;
  const meta = shardMeta(dir);
  const { counts } = aggregator;
  counts.inputs += meta.counts.inputs;
  counts.boilerplateParagraphs += meta.counts.boilerplateParagraphs;
  counts.otherLanguageSentences += meta.counts.otherLanguageSentences;
  for (const line of fileLines(join(dir, 'skipped.jsonl'))) {
    const skipped = JSON.parse(line) as SkippedInput;
    // Which copy of a repeated id counts is decided anew over all the shards, and its repeats reported then.
    if (skipped.reason === 'duplicate-id') continue;
    aggregator.addSkipped(skipped);
    sink.skipped(skipped);
  }
  // A line in each for every copy the shard analysed, in the order of its records in documents.jsonl.
  const states = fileLines(join(dir, 'state.jsonl')).map((l) => JSON.parse(l) as StateLine);
  if (!existsSync(join(dir, 'origins.jsonl'))) throw new Error(`${dir}: no origins.jsonl (made before merges decided repeated ids); rerun that shard`);
  const origins = fileLines(join(dir, 'origins.jsonl')).map((l) => JSON.parse(l) as OriginLine);
  const sentences = await sentencesByDocument(join(dir, 'sentences.jsonl'));
  let copy = 0;
  for (const line of fileLines(join(dir, 'documents.jsonl'))) {
    const shardRecord = JSON.parse(line) as DocumentRecord;
    counts.documents += 1;
    if (shardRecord.status === 'skipped' && shardRecord.reason !== 'duplicate-id') {
      await aggregator.addSkippedRecord(shardRecord);
      continue;
    }
    const [state, read] = [states[copy], origins[copy]];
    copy += 1;
    if (state?.id !== shardRecord.id || read?.id !== shardRecord.id) {
      throw new Error(`${dir}: state.jsonl and origins.jsonl do not follow documents.jsonl at document ${JSON.stringify(shardRecord.id)}; rerun that shard`);
    }
    let origin = read.origin;
    const owner = owners.get(origin);
    if (owner?.id === shardRecord.id) {
      throw new Error(
        `document ${JSON.stringify(shardRecord.id)} is in both ${shards[owner.shard]} and ${dir} (read at ${origin} in each): ` +
          'shards must not overlap (a folder given twice?)',
      );
    }
    // Another document at the same place: two files of one name (relative paths on two machines). Its origin
    // is told apart by its shard, as origins key the documents' lines.
    if (owner !== undefined) origin = `${origin} (${dir})`;
    owners.set(origin, { shard, id: shardRecord.id });
    // Only the copy the shard counted has sentences in it; a copy it did not count never counts in the whole.
    const counted = shardRecord.status === 'scored' || shardRecord.status === 'no-pair';
    const record = unfolded(shardRecord);
    // The shard's own counts of boilerplate and non-English text were added above, from its index.json.
    const own = counted ? sentences.get(record.id) : undefined;
    const analysis = { record, sentences: own?.sentences ?? [], names: state.names ?? [], boilerplateParagraphs: 0, otherLanguageSentences: 0 };
    const prepared = prepareDocument(analysis, fingerprintOf(state), origin, own?.lines ?? []);
    await aggregator.addDocument(prepared);
    await sink.document(prepared);
  }
}

/**
 * Merge the outputs of runs over parts of a corpus into the outputs of one
 * run over the whole: duplicates are folded across shards, every statistic
 * is recomputed from the article scores, and the files come out byte for
 * byte as one run would write them (skipped.jsonl keeps each shard's input
 * locations). All shards must have been made by this version with the same
 * lexicons, default date, proxies, field names and period, and no input
 * document (the same origin) may be in two of them; otherwise it throws,
 * naming the shard. One id read at different places, in one shard or in
 * several, is decided as one run decides it: the copy with the earliest
 * date, then the smallest content hash, counts.
 */
export async function merge(options: MergeOptions): Promise<RunSummary> {
  const first = options.shards[0];
  if (!first) throw new Error('merge needs at least one shard');
  // A shard folder that does not exist is a mistyped path: exit 2, before anything is written.
  await checkInputsExist(options.shards);
  const { defaultDate, proxies, fields, languages } = checkCompatible(options.shards).options;
  const settings = { ...options, defaultDate, ...(proxies !== undefined ? { proxies } : {}), ...(fields ? { fields } : {}), ...(languages ? { languages } : {}) };
  return produceOutputs(settings, async (sink, index, scratchDir): Promise<PipelineResult> => {
    const aggregator = new RunAggregator(scratchDir);
    const owners: Owners = new Map();
    try {
      for (let shard = 0; shard < options.shards.length; shard += 1) await addShard(options.shards, shard, aggregator, sink, owners);
    } catch (error) {
      await aggregator.abandon();
      throw error;
    }
    return aggregator.finish(index, options.jobs ?? 1, sink);
  });
}
