import { sentenceDirection } from './actors/direction.js';
import { findCountries } from './actors/findCountries.js';
import { pairsOf } from './actors/pairs.js';
import { articleScores } from './aggregate/articleScores.js';
import { DuplicateIndex, type Folded } from './aggregate/duplicates.js';
import { DEFAULT_INDEX_OPTIONS, type IndexOptions, pairPeriodIndex } from './aggregate/pairPeriodIndex.js';
import type { IngestItem } from './ingest/records.js';
import { type Scorer, defaultScorer, scoreTokens } from './score/scoreSentence.js';
import { articleBody } from './text/body.js';
import { fingerprint } from './text/fingerprint.js';
import { tokenizeWords } from './text/words.js';
import type {
  ArticlePairScore,
  DocumentRecord,
  NewsDocument,
  PairPeriodIndex,
  PairSentence,
  PairSummary,
  SkippedInput,
} from './types.js';

/** Receives the pipeline's sentences and skipped inputs as they stream. */
export interface PipelineSink {
  sentence(sentence: PairSentence): void | Promise<void>;
  skipped(skipped: SkippedInput): void | Promise<void>;
}

export interface PipelineOptions {
  scorer?: Scorer;
  index?: IndexOptions;
}

/** Counts of what the run read and why anything was left out. */
export interface RunCounts {
  inputs: number;
  documents: number;
  scored: number;
  noPair: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  duplicates: number;
  duplicatesByKind: Record<string, number>;
  sentences: number;
  pairSentences: number;
  boilerplateParagraphs: number;
  nonEnglishSentences: number;
}

export interface PipelineResult {
  counts: RunCounts;
  index: PairPeriodIndex[];
  pairs: PairSummary[];
  /** Every document with its final status, sorted by date then id. */
  documents: DocumentRecord[];
  /** Documents folded as copies of another, sorted by id. */
  folded: Folded[];
}

/** Everything the pipeline takes from one document: its record and pair-sentences. */
export interface DocumentAnalysis {
  record: DocumentRecord;
  sentences: PairSentence[];
  boilerplateParagraphs: number;
  nonEnglishSentences: number;
}

/** The text a document is read from: its title, then its body. */
function fullText(doc: NewsDocument): string {
  return doc.title ? `${doc.title}\n\n${doc.text}` : doc.text;
}

/**
 * text → actors → score for one dated document: the sentences of its body
 * that name two or more countries, scored once and attributed to every pair
 * among those countries.
 */
export function analyzeDocument(doc: NewsDocument & { date: string }, scorer: Scorer): DocumentAnalysis {
  const body = articleBody(fullText(doc));
  const mentions = new Map<string, number>();
  const sentences: PairSentence[] = [];
  for (const sentence of body.sentences) {
    const tokens = tokenizeWords(sentence.text);
    const found = findCountries(sentence.text, tokens);
    const codes = found.map((m) => m.code);
    for (const code of codes) mentions.set(code, (mentions.get(code) ?? 0) + 1);
    const pairs = pairsOf(codes);
    if (pairs.length === 0) continue;
    const score = scoreTokens(sentence.text, tokens, scorer);
    const direction = sentenceDirection(sentence.text, found, tokens, score.trustEvidence);
    for (const pair of pairs) {
      sentences.push({
        docId: doc.id,
        date: doc.date,
        pair,
        sentenceIndex: sentence.index,
        text: sentence.text,
        trust: score.trust,
        tone: score.tone,
        trustEvidence: score.trustEvidence,
        toneEvidence: score.toneEvidence,
        ...(direction ? { direction: `${direction.source}>${direction.target}` } : {}),
        ...(doc.source !== undefined ? { source: doc.source } : {}),
        ...(doc.url !== undefined ? { url: doc.url } : {}),
      });
    }
  }
  const pairs = [...new Set(sentences.map((s) => s.pair))].sort();
  return {
    record: {
      id: doc.id,
      date: doc.date,
      title: doc.title,
      origin: doc.origin,
      ...(doc.source !== undefined ? { source: doc.source } : {}),
      status: pairs.length > 0 ? 'scored' : 'no-pair',
      sentences: body.sentences.length,
      countries: [...mentions.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([code, count]) => ({ code, mentions: count })),
      pairs,
    },
    sentences,
    boilerplateParagraphs: body.boilerplateParagraphs,
    nonEnglishSentences: body.nonEnglishSentences,
  };
}

function emptyCounts(): RunCounts {
  return {
    inputs: 0, documents: 0, scored: 0, noPair: 0, skipped: 0, skippedByReason: {}, duplicates: 0, duplicatesByKind: {},
    sentences: 0, pairSentences: 0, boilerplateParagraphs: 0, nonEnglishSentences: 0,
  };
}

function skippedRecord(doc: NewsDocument, reason: 'undated' | 'duplicate-id'): DocumentRecord {
  return {
    id: doc.id, date: doc.date, title: doc.title, origin: doc.origin, status: 'skipped', reason, sentences: 0, countries: [], pairs: [],
  };
}

function byDateThenId(a: DocumentRecord, b: DocumentRecord): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.origin < b.origin ? -1 : 1;
}

/**
 * The whole chain: ingest items in, sentences and skipped inputs streamed to
 * the sink, and the per-pair, per-period index out. Syndicated copies are
 * folded: each group of copies counts once, as its earliest document.
 */
export async function runPipeline(
  items: AsyncIterable<IngestItem>,
  sink: PipelineSink,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const scorer = options.scorer ?? defaultScorer();
  const counts = emptyCounts();
  const scores = new Map<string, ArticlePairScore[]>();
  const documents: DocumentRecord[] = [];
  const duplicates = new DuplicateIndex();
  const seenIds = new Set<string>();
  const skip = async (skipped: SkippedInput) => {
    counts.skipped += 1;
    counts.skippedByReason[skipped.reason] = (counts.skippedByReason[skipped.reason] ?? 0) + 1;
    await sink.skipped(skipped);
  };
  for await (const item of items) {
    counts.inputs += 1;
    if (item.kind === 'skipped') {
      await skip(item.skipped);
      continue;
    }
    const doc = item.document;
    counts.documents += 1;
    if (seenIds.has(doc.id)) {
      await skip({ origin: doc.origin, id: doc.id, reason: 'duplicate-id', message: `id "${doc.id}" was already read` });
      documents.push(skippedRecord(doc, 'duplicate-id'));
      continue;
    }
    seenIds.add(doc.id);
    if (doc.date === null) {
      await skip({ origin: doc.origin, id: doc.id, reason: 'undated', message: 'no usable date' });
      documents.push(skippedRecord(doc, 'undated'));
      continue;
    }
    const analysis = analyzeDocument({ ...doc, date: doc.date }, scorer);
    duplicates.add(doc.id, doc.date, fingerprint(fullText(doc)));
    counts.sentences += analysis.record.sentences;
    counts.boilerplateParagraphs += analysis.boilerplateParagraphs;
    counts.nonEnglishSentences += analysis.nonEnglishSentences;
    for (const sentence of analysis.sentences) await sink.sentence(sentence);
    documents.push(analysis.record);
    scores.set(doc.id, articleScores(analysis.sentences));
  }
  const folded = duplicates.folded();
  const foldedById = new Map(folded.map((f) => [f.id, f]));
  for (const record of documents) {
    const fold = foldedById.get(record.id);
    if (fold && record.status !== 'skipped') {
      record.status = 'duplicate';
      record.duplicateOf = fold.keptId;
      record.duplicateKind = fold.kind;
      counts.duplicates += 1;
      counts.duplicatesByKind[fold.kind] = (counts.duplicatesByKind[fold.kind] ?? 0) + 1;
    } else if (record.status === 'scored') counts.scored += 1;
    else if (record.status === 'no-pair') counts.noPair += 1;
  }
  const kept = [...scores.entries()].filter(([id]) => !foldedById.has(id)).flatMap(([, s]) => s);
  const { index, pairs } = pairPeriodIndex(kept, options.index ?? DEFAULT_INDEX_OPTIONS);
  counts.pairSentences = kept.reduce((n, s) => n + s.sentences, 0);
  return { counts, index, pairs, documents: documents.sort(byDateThenId), folded };
}
