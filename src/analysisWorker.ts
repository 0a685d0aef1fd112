import { parentPort, workerData } from 'node:worker_threads';
import type { FindOptions } from './actors/findCountries.js';
import type { AnalysedDocument, DatedDocument } from './analysisPool.js';
import { analyzeDocument, fullText } from './pipeline.js';
import { defaultScorer } from './score/scoreSentence.js';
import { fingerprint } from './text/fingerprint.js';

/** A worker of AnalysisPool: analyses the batches of documents it is sent, with lexicons compiled once. */
const scorer = defaultScorer();
const actors = workerData as FindOptions;
parentPort?.on('message', (docs: DatedDocument[]) => {
  const results: AnalysedDocument[] = docs.map((doc) => ({
    analysis: analyzeDocument(doc, scorer, actors),
    fingerprint: fingerprint(fullText(doc)),
  }));
  parentPort?.postMessage(results);
});
