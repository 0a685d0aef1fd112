import { parentPort, workerData } from 'node:worker_threads';
import type { DatedDocument } from '../pipeline/analysisPool.js';
import { WARM_UP_DOCUMENTS, analyseAll } from './analysisCeiling.js';

/**
 * A worker of `analysisCeiling`: warms up on the first of the documents it was started with and says
 * so, then analyses them all when told to, and posts the seconds.
 */
const docs = workerData as DatedDocument[];
analyseAll(docs.slice(0, WARM_UP_DOCUMENTS));
parentPort?.postMessage('ready');
parentPort?.once('message', () => parentPort?.postMessage(analyseAll(docs)));
