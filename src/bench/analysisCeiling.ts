import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DatedDocument } from '../pipeline/analysisPool.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { analysedDocument } from '../pipeline/pipeline.js';
import { defaultScorer } from '../score/scoreSentence.js';

/** Documents analysed before timing, in each thread, so every thread is timed with its code compiled. */
export const WARM_UP_DOCUMENTS = 300;

/** Seconds to analyse and prepare every document in this thread, as a run's analysis does. */
export function analyseAll(docs: readonly DatedDocument[]): number {
  const scorer = defaultScorer();
  const start = process.hrtime.bigint();
  for (const doc of docs) analysedDocument(doc, scorer, { proxies: true }, false);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** A worker holding its share of the documents, warmed up; it analyses them when told to, and posts the seconds. */
function startWorker(docs: DatedDocument[]): Promise<{ worker: Worker; done: Promise<number> }> {
  const worker = new Worker(join(PACKAGE_ROOT, 'dist', 'bench', 'ceilingWorker.js'), { workerData: docs });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => {
      const done = new Promise<number>((settle) => worker.once('message', settle));
      resolve({ worker, done });
    });
  });
}

/**
 * The analysis alone (text → actors → score, and the fingerprint), with the documents already in
 * memory: in this thread, then dealt to `threads` worker threads that start together. Their ratio is
 * what threads give the analysis itself on this machine, before any reading, messaging or writing:
 * the figure a whole run's ratio is to be read against. Each setting runs `passes` times and keeps
 * its fastest.
 */
export async function analysisCeiling(docs: readonly DatedDocument[], threads: number, passes: number): Promise<{ one: number; parallel: number }> {
  let one = Infinity;
  let parallel = Infinity;
  analyseAll(docs.slice(0, WARM_UP_DOCUMENTS));
  for (let pass = 0; pass < passes; pass += 1) {
    one = Math.min(one, analyseAll(docs));
    const shares = Array.from({ length: threads }, (_, t) => docs.filter((_, i) => i % threads === t));
    const workers = await Promise.all(shares.map(startWorker));
    const start = process.hrtime.bigint();
    for (const { worker } of workers) worker.postMessage('go');
    await Promise.all(workers.map((w) => w.done));
    parallel = Math.min(parallel, Number(process.hrtime.bigint() - start) / 1e9);
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
  return { one, parallel };
}
