import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysedDocument, AnalysisWorkerData, DatedDocument } from './analysisPool.js';
import { analyzeDocument, fullText } from './pipeline.js';
import { prepareDocument } from './preparedDocument.js';
import { defaultScorer } from './score/scoreSentence.js';
import { fingerprint } from './text/fingerprint.js';

/**
 * A worker of AnalysisPool: analyses the batches of documents it is sent, with lexicons compiled once,
 * and sends each back prepared (serialised), so the main thread only files the strings.
 */
const scorer = defaultScorer();
const { actors, withAnalysis } = workerData as AnalysisWorkerData;
parentPort?.on('message', (docs: DatedDocument[]) => {
  const results: AnalysedDocument[] = docs.map((doc) => {
    const analysis = analyzeDocument(doc, scorer, actors);
    const prepared = prepareDocument(analysis, fingerprint(fullText(doc)));
    return withAnalysis ? { prepared, analysis: JSON.stringify(analysis) } : { prepared };
  });
  parentPort?.postMessage(results);
});
