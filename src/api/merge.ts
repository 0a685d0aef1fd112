import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunAggregator, type RunCounts } from '../aggregate/runAggregator.js';
import { readLines } from '../util/lines.js';
import type { PipelineResult } from '../pipeline/pipeline.js';
import type { StateLine } from '../types/analysis.js';
import { prepareDocument } from '../pipeline/preparedDocument.js';
import type { OutputSink } from '../output/outputSink.js';
import { type OutputSettings, type RunSummary, lexiconDigests, produceOutputs } from './run.js';
import type { Fingerprint } from '../types/fingerprint.js';
import { decodeMinhash } from '../text/fingerprint.js';
import type { DocumentRecord, SkippedInput } from '../types/document.js';
import type { PairSentence } from '../types/evidence.js';

export interface MergeOptions extends Omit<OutputSettings, 'defaultDate'> {
  /** Output folders of earlier runs (each holds documents.jsonl, sentences.jsonl, state.jsonl, skipped.jsonl, index.json). */
  shards: string[];
}

function fileLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');
}

function fingerprintOf(line: StateLine): Fingerprint {
  return { exact: line.exact, minhash: decodeMinhash(line.minhash) };
}

/** Sentences of a shard, grouped by document: sentences.jsonl holds each document's lines together. */
async function sentencesByDocument(path: string): Promise<Map<string, PairSentence[]>> {
  const groups = new Map<string, PairSentence[]>();
  for await (const line of readLines(createReadStream(path))) {
    if (line === '') continue;
    const sentence = JSON.parse(line) as PairSentence;
    const group = groups.get(sentence.docId);
    if (group) group.push(sentence);
    else groups.set(sentence.docId, [sentence]);
  }
  return groups;
}

/** A shard's record as it was before the shard folded duplicates: the merge decides folding anew. */
function unfolded(record: DocumentRecord): DocumentRecord {
  if (record.status !== 'duplicate') return record;
  const { duplicateOf: _of, duplicateKind: _kind, ...rest } = record;
  return { ...rest, status: rest.pairs.length > 0 ? 'scored' : 'no-pair' };
}

async function addShard(dir: string, aggregator: RunAggregator, sink: OutputSink): Promise<void> {
  const meta = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { counts: RunCounts; lexicons: Record<string, string> };
  const current = lexiconDigests();
  for (const [file, digest] of Object.entries(current)) {
    if (meta.lexicons[file] !== digest) throw new Error(`${join(dir, 'index.json')}: made with another version of ${file}; rerun that shard`);
  }
  const { counts } = aggregator;
  counts.inputs += meta.counts.inputs;
  counts.boilerplateParagraphs += meta.counts.boilerplateParagraphs;
  counts.nonEnglishSentences += meta.counts.nonEnglishSentences;
  for (const line of fileLines(join(dir, 'skipped.jsonl'))) {
    const skipped = JSON.parse(line) as SkippedInput;
    aggregator.addSkipped(skipped);
    sink.skipped(skipped);
  }
  const prints = new Map(fileLines(join(dir, 'state.jsonl')).map((l) => JSON.parse(l) as StateLine).map((s) => [s.id, s]));
  const sentences = await sentencesByDocument(join(dir, 'sentences.jsonl'));
  for (const line of fileLines(join(dir, 'documents.jsonl'))) {
    const record = unfolded(JSON.parse(line) as DocumentRecord);
    counts.documents += 1;
    const print = prints.get(record.id);
    if (record.status === 'skipped' || !print) {
      await aggregator.addSkippedRecord(record);
      continue;
    }
    // The shard's own counts of boilerplate and non-English text were added above, from its index.json.
    const analysis = { record, sentences: sentences.get(record.id) ?? [], names: print.names ?? [], boilerplateParagraphs: 0, nonEnglishSentences: 0 };
    const prepared = prepareDocument(analysis, fingerprintOf(print));
    await aggregator.addDocument(prepared);
    await sink.document(prepared);
  }
}

/**
 * Merge the outputs of runs over parts of a corpus into the outputs of one
 * run over the whole: duplicates are folded across shards, every statistic
 * is recomputed from the article scores, and the files come out byte for
 * byte as one run would write them (skipped.jsonl keeps each shard's input
 * locations). All shards must have been run with the same lexicons and
 * default date.
 */
export async function merge(options: MergeOptions): Promise<RunSummary> {
  const first = options.shards[0];
  if (!first) throw new Error('merge needs at least one shard');
  const shardOptions = JSON.parse(readFileSync(join(first, 'index.json'), 'utf8')) as { options: { defaultDate: string | null } };
  return produceOutputs({ ...options, defaultDate: shardOptions.options.defaultDate }, async (sink, index, scratchDir): Promise<PipelineResult> => {
    const aggregator = new RunAggregator(scratchDir);
    try {
      for (const dir of options.shards) await addShard(dir, aggregator, sink);
    } catch (error) {
      await aggregator.abandon();
      throw error;
    }
    return aggregator.finish(index, 1, sink);
  });
}
