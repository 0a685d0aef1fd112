import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysedDocument, AnalysisWorkerData, DatedDocument } from './analysisPool.js';
import { analysedDocument } from './pipeline.js';
import { defaultScorer } from '../score/scoreSentence.js';

/**
 * A worker of AnalysisPool: analyses the batches of documents it is sent, with lexicons compiled once,
 * and sends each back prepared (serialised), so the main thread only files the strings.
 */
const scorer = defaultScorer();
const { actors, withAnalysis } = workerData as AnalysisWorkerData;
parentPort?.on('message', (docs: DatedDocument[]) => {
  const results: AnalysedDocument[] = docs.map((doc) => analysedDocument(doc, scorer, actors, withAnalysis));
  parentPort?.postMessage(results);
});
