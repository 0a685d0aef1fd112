import { findCountries } from './actors/findCountries.js';
import { pairsOf } from './actors/pairs.js';
import { articleScores } from './aggregate/articleScores.js';
import { DEFAULT_INDEX_OPTIONS, type IndexOptions, pairMonthIndex } from './aggregate/pairMonthIndex.js';
import { type IngestItem } from './ingest/records.js';
import { type Scorer, defaultScorer, scoreTokens } from './score/scoreSentence.js';
import { articleBody } from './text/body.js';
import { tokenizeWords } from './text/words.js';
import type { ArticlePairScore, DocumentRecord, NewsDocument, PairMonthIndex, PairSentence, SkippedInput } from './types.js';

/** Receives the pipeline's per-document output as it streams. */
export interface PipelineSink {
  sentence(sentence: PairSentence): void | Promise<void>;
  document(record: DocumentRecord): void | Promise<void>;
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
  sentences: number;
  pairSentences: number;
  boilerplateParagraphs: number;
  nonEnglishSentences: number;
}

export interface PipelineResult {
  counts: RunCounts;
  index: PairMonthIndex[];
}

/** Everything the pipeline takes from one document: its record and pair-sentences. */
export interface DocumentAnalysis {
  record: DocumentRecord;
  sentences: PairSentence[];
  boilerplateParagraphs: number;
  nonEnglishSentences: number;
}

/**
 * text → actors → score for one dated document: the sentences of its body
 * that name two or more countries, scored once and attributed to every pair
 * among those countries.
 */
export function analyzeDocument(doc: NewsDocument & { date: string }, scorer: Scorer): DocumentAnalysis {
  const body = articleBody(doc.title ? `${doc.title}\n\n${doc.text}` : doc.text);
  const mentions = new Map<string, number>();
  const sentences: PairSentence[] = [];
  for (const sentence of body.sentences) {
    const tokens = tokenizeWords(sentence.text);
    const codes = findCountries(sentence.text, tokens).map((m) => m.code);
    for (const code of codes) mentions.set(code, (mentions.get(code) ?? 0) + 1);
    const pairs = pairsOf(codes);
    if (pairs.length === 0) continue;
    const score = scoreTokens(sentence.text, tokens, scorer);
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
    inputs: 0, documents: 0, scored: 0, noPair: 0, skipped: 0, skippedByReason: {},
    sentences: 0, pairSentences: 0, boilerplateParagraphs: 0, nonEnglishSentences: 0,
  };
}

/**
 * The whole chain: ingest items in, streamed records to the sink, and the
 * per-pair, per-month index out. Only article-level scores are held in
 * memory; sentences and documents go to the sink as they are made.
 */
export async function runPipeline(
  items: AsyncIterable<IngestItem>,
  sink: PipelineSink,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const scorer = options.scorer ?? defaultScorer();
  const counts = emptyCounts();
  const scores: ArticlePairScore[] = [];
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
    if (doc.date === null) {
      const skipped: SkippedInput = { origin: doc.origin, id: doc.id, reason: 'undated', message: 'no usable date' };
      await skip(skipped);
      await sink.document({
        id: doc.id, date: null, title: doc.title, origin: doc.origin, status: 'skipped', reason: 'undated',
        sentences: 0, countries: [], pairs: [],
      });
      continue;
    }
    const analysis = analyzeDocument({ ...doc, date: doc.date }, scorer);
    counts.sentences += analysis.record.sentences;
    counts.pairSentences += analysis.sentences.length;
    counts.boilerplateParagraphs += analysis.boilerplateParagraphs;
    counts.nonEnglishSentences += analysis.nonEnglishSentences;
    if (analysis.record.status === 'scored') counts.scored += 1;
    else counts.noPair += 1;
    for (const sentence of analysis.sentences) await sink.sentence(sentence);
    await sink.document(analysis.record);
    scores.push(...articleScores(analysis.sentences));
  }
  return { counts, index: pairMonthIndex(scores, options.index ?? DEFAULT_INDEX_OPTIONS) };
}
