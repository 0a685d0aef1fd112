import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FindOptions } from '../actors/findCountries.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import type { PreparedDocument } from '../types/analysis.js';
import type { NewsDocument } from '../types/document.js';


/** How a document is read: the actor options, and which languages to read (all by default). */
export interface ReadingOptions extends FindOptions {
  /** Sentences in other languages are counted with those in languages the tool does not read. */
  languages?: readonly string[];
}

/** What a worker returns of one document: the document prepared, and with a cache its analysis as JSON. */
export interface AnalysedDocument {
  prepared: PreparedDocument;
  analysis?: string;
}

/** What a worker is started with. */
export interface AnalysisWorkerData {
  actors: ReadingOptions;
  /** Send each analysis back as JSON too, for the cache. */
  withAnalysis: boolean;
}

export type DatedDocument = NewsDocument & { date: string };

/** Documents sent to a worker at once: enough to make messaging cheap, few enough to keep memory flat. */
const BATCH = 16;

interface Waiting {
  resolve: (results: AnalysedDocument[]) => void;
  reject: (error: Error) => void;
  /** The ids of the documents sent, in order. */
  ids: string[];
}

interface Batch extends Omit<Waiting, 'ids'> {
  docs: DatedDocument[];
}

/** The default number of jobs: the machine's cores. */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Batches posted to one worker and not yet returned: the next waits in the worker's own port, so it
 * starts when the last ends even while this thread is busy analysing documents of its own.
 */
const POSTED_PER_WORKER = 2;

/**
 * Worker threads that run text → actors → score on documents, so that with
 * the thread that reads them `--jobs N` uses N cores. Results come back in
 * whatever order workers finish; the aggregator and the output files do not
 * depend on that order, so the outputs are byte for byte those of one job.
 */
export class AnalysisPool {
  private readonly queue: Batch[] = [];
  /** Per worker, the batches posted to it in the order it returns them. */
  private readonly posted = new Map<Worker, Waiting[]>();
  private pending: DatedDocument[] = [];
  private failure: Error | null = null;

  constructor(workers: number, workerData: AnalysisWorkerData) {
    // The built worker, also when this module runs from src/ under the test runner.
    const script = join(PACKAGE_ROOT, 'dist', 'pipeline', 'analysisWorker.js');
    for (let i = 0; i < workers; i += 1) {
      const worker = new Worker(script, { workerData });
      worker.on('message', (results: AnalysedDocument[]) => this.done(worker, results));
      worker.on('error', (error: Error) => this.fail(error));
      this.posted.set(worker, []);
    }
  }

  /** Batches waiting or running: the caller waits while this is high, so reading never runs far ahead. */
  get load(): number {
    let load = this.queue.length;
    for (const batches of this.posted.values()) load += batches.length;
    return load;
  }

  /** Every worker has its fill of batches and more wait: a document is better analysed by the caller. */
  get saturated(): boolean {
    return this.queue.length > 0;
  }

  /** Queue a document; resolves with the analyses of a full batch when it has run, else with none. */
  add(doc: DatedDocument): Promise<AnalysedDocument[]> {
    this.pending.push(doc);
    return this.pending.length >= BATCH ? this.flush() : Promise.resolve([]);
  }

  /** Send what is pending as a batch. */
  flush(): Promise<AnalysedDocument[]> {
    if (this.failure) return Promise.reject(this.failure);
    const docs = this.pending;
    this.pending = [];
    if (docs.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ docs, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const [worker, batches] = leastPosted(this.posted);
      if (batches.length >= POSTED_PER_WORKER) return;
      const { docs, resolve, reject } = this.queue.shift() as Batch;
      // The worker has its own copy of the documents once posted: holding them here until the results came
      // back kept every document alive long enough to be promoted to the old generation.
      batches.push({ resolve, reject, ids: docs.map((d) => d.id) });
      worker.postMessage(docs);
    }
  }

  private done(worker: Worker, results: AnalysedDocument[]): void {
    const batch = this.posted.get(worker)?.shift();
    // Each id the run keeps (for its order, its duplicates, its files) is this thread's copy, the one ingest
    // made, not a second copy deserialised from the worker's message.
    results.forEach((result, i) => {
      result.prepared.id = batch?.ids[i] ?? result.prepared.id;
    });
    batch?.resolve(results);
    this.dispatch();
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const batch of [...[...this.posted.values()].flat(), ...this.queue]) batch.reject(error);
    for (const batches of this.posted.values()) batches.length = 0;
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    await Promise.all([...this.posted.keys()].map((w) => w.terminate()));
  }
}

/** The worker with the fewest batches posted (the first of them on a tie), and those batches. */
function leastPosted(posted: Map<Worker, Waiting[]>): [Worker, Waiting[]] {
  let least: [Worker, Waiting[]] | null = null;
  for (const entry of posted) if (least === null || entry[1].length < least[1].length) least = entry;
  return least as [Worker, Waiting[]];
}
