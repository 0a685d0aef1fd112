import { setImmediate } from 'node:timers/promises';
import { findCountries } from '../actors/findCountries.js';
import { pairsOf } from '../actors/pairs.js';
import { continuesPair, principalPair } from '../actors/relationship.js';
import { unknownNames } from '../actors/unknownNames.js';
import { type AnalysisCache, documentKey } from './analysisCache.js';
import { type AnalysedDocument, AnalysisPool, type DatedDocument, type ReadingOptions } from './analysisPool.js';
import { DEFAULT_INDEX_OPTIONS, type IndexOptions } from '../aggregate/pairPeriodIndex.js';
import { type AggregateResult, RunAggregator } from '../aggregate/runAggregator.js';
import { EARLIEST_DAY, dayInRange, latestDay } from '../ingest/dates.js';
import type { IngestItem } from '../ingest/records.js';
import { prepareDocument } from './preparedDocument.js';
import { type Scorer, defaultScorer, readSentence } from '../score/scoreSentence.js';
import { type ArticleBody, articleBody } from '../text/body.js';
import { fingerprint } from '../text/fingerprint.js';
import { gazetteerFor, resolvePairAbbreviations } from '../actors/languageGazetteers.js';
import type { ReadLanguage } from '../text/language.js';
import { wordsIn } from '../text/segmenters.js';
import { scorerFor } from '../score/languageScorer.js';
import type { DocumentAnalysis } from '../types/analysis.js';
import type { DocumentRecord, NewsDocument, SkippedInput } from '../types/document.js';
import type { PairSentence } from '../types/evidence.js';
import type { PipelineSink } from '../types/pipelineSink.js';

export interface PipelineOptions {
  scorer?: Scorer;
  index?: IndexOptions;
  /** Threads for text, actors and scoring: this one and N − 1 workers; 1 runs everything in this thread. Outputs are the same. */
  jobs?: number;
  /** Count proxies (state bodies, flagship firms, places inside a country) as their country; on by default. */
  proxies?: boolean;
  /** Read only sentences in these languages (ISO 639-1 codes of READ_LANGUAGES); all by default. */
  languages?: readonly string[];
  /** Analyses kept from earlier runs: a document found there is not analysed again. */
  cache?: AnalysisCache;
  /** Folder for the aggregator's scratch file (the output folder in a run); the system's temporary folder by default. */
  scratchDir?: string;
  /** False for a shard: its index would be computed again by the merge, so it is not computed (no cells, no pairs). */
  indexed?: boolean;
}

export type PipelineResult = AggregateResult;

/** The text a document is read from: its title, then its body. */
export function fullText(doc: NewsDocument): string {
  return doc.title ? `${doc.title}\n\n${doc.text}` : doc.text;
}

/**
 * text → actors → score for one dated document. A sentence that names two or
 * more countries is scored once and attributed to every pair among them; a
 * sentence that names fewer but continues the article's principal pair
 * ("the two nations", "Beijing's concerns" in an article about China and
 * Pakistan) is attributed to that pair and marked inherited.
 */
export function analyzeDocument(doc: NewsDocument & { date: string }, scorer: Scorer, actors: ReadingOptions = {}): DocumentAnalysis {
  const body = selectLanguages(articleBody(fullText(doc)), actors.languages);
  const finding = { ...actors, date: doc.date };
  const mentions = new Map<string, number>();
  const read = body.sentences.map((sentence) => {
    const language = sentence.lang as ReadLanguage;
    const tokens = wordsIn(language, sentence.text);
    const named = findCountries(sentence.text, tokens, gazetteerFor(language), finding);
    const found = language === 'zh' ? resolvePairAbbreviations(named) : named;
    for (const m of found) mentions.set(m.code, (mentions.get(m.code) ?? 0) + 1);
    return { sentence, tokens, found, pairs: pairsOf(found.map((m) => m.code)), scorer: scorerFor(language, scorer) };
  });
  const principal = principalPair(read.map((r) => r.pairs));
  const names = [...new Set(read.flatMap((r) => unknownNames(r.sentence.text, r.tokens, r.found)))].sort();
  const sentences: PairSentence[] = [];
  for (const { sentence, tokens, found, pairs, scorer: sentenceScorer } of read) {
    const inherited = pairs.length === 0 && principal !== null && continuesPair(found.map((m) => m.code), tokens, principal);
    if (pairs.length === 0 && !inherited) continue;
    const reading = readSentence(sentence.text, tokens, found, sentenceScorer, inherited ? principal : null);
    for (const pair of reading.pairs) {
      // A pair found only through a proxy (Huawei for China) is marked, so readers can weigh it.
      const viaProxy = pair.pair.split('-').some((code) => found.some((m) => m.code === code) && found.every((m) => m.code !== code || m.category === 'proxy'));
      sentences.push({
        docId: doc.id,
        date: doc.date,
        pair: pair.pair,
        sentenceIndex: sentence.index,
        text: sentence.text,
        lang: sentence.lang,
        trust: pair.trust,
        tone: reading.tone,
        trustEvidence: pair.attitude,
        toneEvidence: reading.toneEvidence,
        ...(pair.events.length > 0 ? { events: pair.events } : {}),
        ...(inherited ? { inherited: true } : {}),
        ...(viaProxy ? { proxy: true } : {}),
        ...(pair.direction ? { direction: pair.direction } : {}),
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
      ...(doc.dateRule !== undefined ? { dateRule: doc.dateRule } : {}),
      title: doc.title,
      ...(doc.source !== undefined ? { source: doc.source } : {}),
      lang: body.lang,
      status: pairs.length > 0 ? 'scored' : 'no-pair',
      sentences: body.sentences.length,
      countries: [...mentions.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([code, count]) => ({ code, mentions: count })),
      pairs,
    },
    sentences,
    names,
    boilerplateParagraphs: body.boilerplateParagraphs,
    otherLanguageSentences: body.otherLanguageSentences,
  };
}

/** A body with only the sentences in `languages` (renumbered), the others counted as not read; the body itself without a list. */
function selectLanguages(body: ArticleBody, languages: readonly string[] | undefined): ArticleBody {
  if (!languages) return body;
  const kept = body.sentences.filter((s) => languages.includes(s.lang));
  return {
    ...body,
    sentences: kept.map((s, index) => ({ ...s, index })),
    otherLanguageSentences: body.otherLanguageSentences + body.sentences.length - kept.length,
  };
}

/**
 * One dated document analysed and prepared as the run files it, by this thread or a worker; with
 * `withAnalysis`, its analysis as JSON too, for the cache.
 */
export function analysedDocument(doc: DatedDocument, scorer: Scorer, actors: ReadingOptions, withAnalysis: boolean): AnalysedDocument {
  const analysis = analyzeDocument(doc, scorer, actors);
  const prepared = prepareDocument(analysis, fingerprint(fullText(doc)), doc.origin);
  return withAnalysis ? { prepared, analysis: JSON.stringify(analysis) } : { prepared };
}

function skippedRecord(doc: NewsDocument, reason: 'undated' | 'date-out-of-range'): DocumentRecord {
  return {
    id: doc.id, date: doc.date, title: doc.title, status: 'skipped', reason, sentences: 0, countries: [], pairs: [],
  };
}

/**
 * The whole chain: ingest items in, sentences and skipped inputs streamed to
 * the sink, and the per-pair, per-period index out. Syndicated copies are
 * folded: each group of copies counts once, as its earliest document. An id
 * read more than once is one document: every dated copy is analysed, and at
 * the end the copy with the earliest date (then the smallest content hash)
 * counts, whatever the order they came in; the others are reported as
 * `duplicate-id` (see RunAggregator.finish).
 */
export async function runPipeline(
  items: AsyncIterable<IngestItem>,
  sink: PipelineSink,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const jobs = options.jobs ?? 1;
  const actors: ReadingOptions = { proxies: options.proxies !== false, ...(options.languages ? { languages: options.languages } : {}) };
  const { cache } = options;
  // With N jobs, N − 1 workers and this thread analyse: this thread also reads and files every result, so a
  // worker of its own would make N + 1 busy threads on N cores, and the documents it keeps are never copied.
  const pool = jobs > 1 && !options.scorer ? new AnalysisPool(jobs - 1, { actors, withAnalysis: cache !== undefined }) : null;
  const aggregator = new RunAggregator(options.scratchDir);
  const { counts } = aggregator;
  const skip = async (skipped: SkippedInput, record?: DocumentRecord) => {
    aggregator.addSkipped(skipped);
    if (record) await aggregator.addSkippedRecord(record);
    await sink.skipped(skipped);
  };
  // Keys of documents being analysed, by origin (two copies of one id may be in flight), so their fresh
  // analyses can be cached when they come back.
  const pendingKeys = new Map<string, string>();
  const collect = async ({ prepared, analysis }: AnalysedDocument) => {
    counts.boilerplateParagraphs += prepared.boilerplateParagraphs;
    counts.otherLanguageSentences += prepared.otherLanguageSentences;
    const key = pendingKeys.get(prepared.origin);
    if (key !== undefined && analysis !== undefined) {
      pendingKeys.delete(prepared.origin);
      await cache?.put(key, analysis, prepared.fingerprint);
    }
    await aggregator.addDocument(prepared);
    await sink.document(prepared);
  };
  // With workers, batches run while reading goes on; their results are collected as they come back.
  const inFlight = new Set<Promise<void>>();
  const track = (batch: Promise<AnalysedDocument[]>) => {
    const done: Promise<void> = batch.then(async (results) => {
      for (const result of results) await collect(result);
    }).finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  try {
    for await (const item of items) {
      counts.inputs += 1;
      if (item.kind === 'skipped') {
        await skip(item.skipped);
        continue;
      }
      const doc = item.document;
      counts.documents += 1;
      if (doc.date === null) {
        await skip({ origin: doc.origin, id: doc.id, reason: 'undated', message: 'no usable date' }, skippedRecord(doc, 'undated'));
        continue;
      }
      if (!dayInRange(doc.date)) {
        const message = `date ${doc.date} is outside ${EARLIEST_DAY} … ${latestDay()}`;
        await skip({ origin: doc.origin, id: doc.id, reason: 'date-out-of-range', message }, skippedRecord(doc, 'date-out-of-range'));
        continue;
      }
      const dated = { ...doc, date: doc.date };
      if (cache) {
        const key = documentKey(dated);
        const cached = cache.get(key);
        if (cached) {
          await collect({ prepared: prepareDocument(cached.analysis, cached.fingerprint, doc.origin) });
          continue;
        }
        pendingKeys.set(doc.origin, key);
      }
      if (!pool || pool.saturated) {
        await collect(analysedDocument(dated, options.scorer ?? defaultScorer(), actors, cache !== undefined));
        // Let the workers' returns be handled between documents, so their next batches are posted in time.
        if (pool) await setImmediate();
        continue;
      }
      track(pool.add(dated));
      // Keep reading from running far ahead of the workers, so memory stays flat.
      while (pool.load > jobs * 2 || inFlight.size > jobs * 4) await Promise.race(inFlight);
    }
    if (pool) {
      track(pool.flush());
      while (inFlight.size > 0) await Promise.race(inFlight);
    }
  } catch (error) {
    await aggregator.abandon();
    throw error;
  } finally {
    await pool?.close();
  }
  return aggregator.finish(options.index ?? DEFAULT_INDEX_OPTIONS, jobs, sink, options.indexed !== false);
}
