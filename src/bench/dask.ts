import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { seededRandom } from '../aggregate/random.js';
import { readReuters } from '../eval/sharedData.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { type WholeRun, mergeRun, replicate, runInProcess, wholeRun } from './processRuns.js';

const out = (line = '') => process.stdout.write(`${line}\n`);
const PYTHON = '/usr/bin/python3';
const DRIVER = join(PACKAGE_ROOT, 'tools', 'dask', 'backfill.py');
/** Workers of the LocalCluster: one per core of this machine, as the single run's `--jobs 2`. */
const WORKERS = 2;
/** Partitions of Reuters ×8: as many as copies, four waves of the two workers. */
const PARTITIONS = 8;

/**
 * Assumed, not measured here (no CC-NEWS on this machine): the size of one month of Common Crawl's
 * news archive. Scale the README table linearly for another month: hours grow with files ÷ workers.
 */
export const CC_NEWS_MONTH = { files: 300, gigabytesPerFile: 1 };

interface Backfill {
  seconds: number;
  /** Each task's seconds, and its trust-index processes' CPU seconds and highest peak RSS in MB, from the driver's log. */
  partitions: number[];
  partitionCpu: number[];
  peakMB: number;
  mergeSeconds: number;
  mergeCpu: number;
  log: string;
}

/** Run the driver on a LocalCluster; it fails the bench when it fails. */
function backfill(inputs: string[], shards: string, merged: string, linesPerPartition: number): Backfill {
  const start = process.hrtime.bigint();
  const driven = spawnSync(PYTHON, [DRIVER, ...inputs, '--shards', shards, '--out', merged, '--workers', String(WORKERS),
    '--lines-per-partition', String(linesPerPartition)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const log = `${driven.stdout}${driven.stderr}`;
  if (driven.status !== 0) throw new Error(`the Dask backfill failed (exit ${driven.status}):\n${log}`);
  const finished = [...log.matchAll(/finished part-\w+ in ([\d.]+) s, peak RSS (\d+) MB, CPU ([\d.]+) s/g)];
  const merge = /merge exited 0 after ([\d.]+) s, peak RSS \d+ MB, CPU ([\d.]+) s/.exec(log);
  return {
    seconds,
    partitions: finished.map((m) => Number(m[1])),
    partitionCpu: finished.map((m) => Number(m[3])),
    peakMB: Math.max(...finished.map((m) => Number(m[2]))),
    mergeSeconds: Number(merge?.[1]),
    mergeCpu: Number(merge?.[2]),
    log,
  };
}

/** Files listed in one output folder's manifest whose bytes differ in another: a merge must write the single run's bytes. */
function differingFiles(a: string, b: string): string[] {
  const { files } = JSON.parse(readFileSync(join(a, 'trust-index-files.json'), 'utf8')) as { files: string[] };
  return files.filter((file) => {
    try {
      return !readFileSync(join(a, file)).equals(readFileSync(join(b, file)));
    } catch {
      return true;
    }
  });
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Reuters ×8 on Dask (2 workers) against one `--jobs 2` run of the same file: times, overhead, and that the bytes agree. */
function scalingBench(work: string, eightfold: string): void {
  const lines = readFileSync(eightfold, 'utf8').split('\n').filter((l) => l !== '').length;
  const single = wholeRun(eightfold, join(work, 'single'), 2);
  const dask = backfill([eightfold], join(work, 'shards-x8'), join(work, 'merged-x8'), Math.ceil(lines / PARTITIONS));
  const differing = differingFiles(join(work, 'single'), join(work, 'merged-x8'));
  if (differing.length > 0) throw new Error(`the Dask backfill's outputs differ from the single run's: ${differing.join(', ')}`);
  const megabytes = statSync(eightfold).size / 1e6;
  out();
  out(`# Dask backfill of Reuters ×8 (${megabytes.toFixed(0)} MB, ${dask.partitions.length} partitions of ${Math.ceil(lines / PARTITIONS)} lines) on a LocalCluster of ${WORKERS} workers, against one --jobs 2 run`);
  const daskCpu = sum(dask.partitionCpu) + dask.mergeCpu;
  out('                              wall s    CPU s');
  out(`one run, --jobs 2:           ${single.seconds.toFixed(1).padStart(7)} ${single.cpuSeconds.toFixed(1).padStart(8)}   peak RSS ${single.maxRssMB.toFixed(0)} MB`);
  out(`Dask, start to merged:       ${dask.seconds.toFixed(1).padStart(7)} ${daskCpu.toFixed(1).padStart(8)}   (trust-index processes; outputs byte for byte the single run's)`);
  out(`  partitions, summed:        ${sum(dask.partitions).toFixed(1).padStart(7)} ${sum(dask.partitionCpu).toFixed(1).padStart(8)}   ` +
    `(${(megabytes / sum(dask.partitionCpu)).toFixed(2)} MB per CPU second; peak RSS of a task ${dask.peakMB} MB)`);
  out(`  merge:                     ${dask.mergeSeconds.toFixed(1).padStart(7)} ${dask.mergeCpu.toFixed(1).padStart(8)}`);
  const overhead = (100 * (dask.seconds - single.seconds)) / single.seconds;
  const cpuOverhead = (100 * (daskCpu - single.cpuSeconds)) / single.cpuSeconds;
  out(`overhead of splitting and merging: ${overhead.toFixed(0)}% of the single run's time, ${cpuOverhead.toFixed(0)}% of its CPU (target ≤ 15%)`);
}

/** Merge time and memory as the number of shards of one corpus grows. */
function mergeBench(reuters: string, work: string): Map<number, WholeRun> {
  const lines = readFileSync(reuters, 'utf8').split('\n').filter((l) => l !== '').length;
  const results = new Map<number, WholeRun>();
  out();
  out(`# Merge of Reuters (${lines} documents) cut into N shards (made on Dask), in its own process`);
  out('shards   lines each   seconds   CPU s   peak RSS MB');
  for (const count of [8, 64, 256]) {
    const shards = join(work, `shards-${count}`);
    // Ranges of equal lines: 256 of them would leave the last nearly empty, so 85 lines make 254.
    const perShard = Math.ceil(lines / count);
    backfill([reuters], shards, join(work, `merged-via-dask-${count}`), perShard);
    const parts = readdirSync(shards).filter((f) => f.startsWith('part-')).map((f) => join(shards, f));
    if (parts.length !== Math.ceil(lines / perShard)) throw new Error(`expected ${Math.ceil(lines / perShard)} shards, found ${parts.length}`);
    const merged = mergeRun(join(work, `merged-${count}`), parts);
    const differing = differingFiles(join(work, `merged-via-dask-${count}`), join(work, `merged-${count}`));
    if (differing.length > 0) throw new Error(`merges of the same ${parts.length} shards differ: ${differing.join(', ')}`);
    results.set(count, merged);
    out(`${String(parts.length).padStart(6)} ${String(perShard).padStart(12)} ${merged.seconds.toFixed(1).padStart(9)} ` +
      `${merged.cpuSeconds.toFixed(1).padStart(7)} ${merged.maxRssMB.toFixed(0).padStart(13)}`);
  }
  return results;
}

/** A news page of about `size` bytes around a story: navigation, scripts and footer, varied as real sites' are. */
function newsPage(title: string, text: string, date: string, words: readonly string[], random: () => number, size: number): string {
  const word = () => words[Math.floor(random() * words.length)] as string;
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  const furniture: string[] = [];
  let length = 0;
  while (length < size - text.length) {
    const piece = random() < 0.5
      ? `<li><a href="/${word()}/${word()}-${Math.floor(random() * 1e6)}">${phrase(4)}</a></li>`
      : `<script>window.__data_${Math.floor(random() * 1e6)}={"k":"${phrase(6)}","v":${Math.floor(random() * 1e9)}};</script>`;
    furniture.push(piece);
    length += piece.length;
  }
  const half = Math.floor(furniture.length / 2);
  const paragraphs = text.split(/\n\s*\n|\.\s+(?=[A-Z])/).map((p) => `<p>${p.trim()}.</p>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>` +
    `<meta property="article:published_time" content="${date}"></head><body><nav><ul>${furniture.slice(0, half).join('')}</ul></nav>` +
    `<article><h1>${title}</h1>${paragraphs}</article><footer><ul>${furniture.slice(half).join('')}</ul></footer></body></html>`;
}

/** Bytes of HTML per synthetic page: a middling news page (many are larger, with more scripts). */
const PAGE_BYTES = 60_000;
/** Stories turned into pages for the WARC measure. */
const WARC_PAGES = 3_000;

/** A .warc.gz (compressed record by record, as CC-NEWS) of Reuters stories as news pages; its size in bytes. */
async function syntheticWarc(dir: string, target: string): Promise<{ bytes: number; pages: number }> {
  const stories = readReuters(dir).filter((s) => s.text && s.date && s.title).slice(0, WARC_PAGES);
  const words = stories.flatMap((s) => s.title.split(/\s+/)).filter((w) => /^[A-Za-z]{3,}$/.test(w));
  const random = seededRandom(11);
  const stream = createWriteStream(target);
  for (const [i, story] of stories.entries()) {
    const html = newsPage(story.title, story.text, story.date, words, random, PAGE_BYTES);
    const record = WARCRecord.create(
      { url: `https://wire.example/${i}`, date: `${story.date.slice(0, 10)}T12:00:00Z`, type: 'response',
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK' },
      [new TextEncoder().encode(html)],
    );
    if (!stream.write(await WARCSerializer.serialize(record, { gzip: true }))) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  return { bytes: statSync(target).size, pages: stories.length };
}

/** One worker's speed on WARC pages, as one partition's run reads them; and the CC-NEWS estimate from it and the merge's cost. */
async function warcBench(dir: string, work: string, merges: Map<number, WholeRun>): Promise<void> {
  const warc = join(work, 'pages.warc.gz');
  const { bytes, pages } = await syntheticWarc(dir, warc);
  const part = runInProcess({ inputs: [warc], out: join(work, 'warc-shard'), defaultDate: null, jobs: 1, shard: true });
  // By CPU seconds, which a worker of one core gets in full, whatever else this shared machine runs.
  const mbPerSecond = bytes / 1e6 / part.cpuSeconds;
  out();
  out(`# One partition's run on WARC: ${pages} Reuters stories as ${PAGE_BYTES / 1000} kB news pages, .warc.gz of ${(bytes / 1e6).toFixed(1)} MB, one thread`);
  out(`${part.seconds.toFixed(1)} s (${part.cpuSeconds.toFixed(1)} s of CPU): ${mbPerSecond.toFixed(2)} MB/s compressed per CPU second, ` +
    `${(pages / part.cpuSeconds).toFixed(0)} pages per CPU second, peak RSS ${part.maxRssMB.toFixed(0)} MB`);
  // The merge's cost per document, from the largest merge measured, and the pages in a month at this page size.
  const largest = merges.get(256) as WholeRun;
  const mergePerDocument = largest.cpuSeconds / largest.documents;
  const monthBytes = CC_NEWS_MONTH.files * CC_NEWS_MONTH.gigabytesPerFile * 1e9;
  const monthPages = (monthBytes / bytes) * pages;
  const fileHours = (CC_NEWS_MONTH.gigabytesPerFile * 1e3) / mbPerSecond / 3600;
  const mergeHours = (monthPages * mergePerDocument) / 3600;
  out();
  out(`# Estimate: one month of CC-NEWS, assumed ${CC_NEWS_MONTH.files} WARC files of ${CC_NEWS_MONTH.gigabytesPerFile} GB (~${(monthPages / 1e6).toFixed(1)} M pages at this page size)`);
  out(`one file per task: ${fileHours.toFixed(2)} h on one worker; merge: ${(mergePerDocument * 1e6).toFixed(0)} µs of CPU per document (from 254 shards) → ${mergeHours.toFixed(1)} h on one machine`);
  out('workers   partitions (h)   merge (h)   total (h)');
  for (const workers of [10, 100]) {
    const waves = Math.ceil(CC_NEWS_MONTH.files / workers);
    out(`${String(workers).padStart(7)} ${(waves * fileHours).toFixed(1).padStart(16)} ${mergeHours.toFixed(1).padStart(11)} ${(waves * fileHours + mergeHours).toFixed(1).padStart(11)}`);
  }
}

/** Dask on Reuters ×8 against one run, merge cost by shards, WARC speed and the CC-NEWS estimate; skipped without Debian's distributed. */
export async function daskBench(dir: string, reuters: string, work: string): Promise<void> {
  if (spawnSync(PYTHON, ['-c', 'import distributed'], { stdio: 'ignore' }).status !== 0) {
    out();
    out(`# Dask: skipped, ${PYTHON} cannot import distributed (apt-get install python3-distributed)`);
    return;
  }
  const eightfold = join(work, 'reuters-x8.jsonl');
  await replicate(reuters, 8, eightfold);
  scalingBench(work, eightfold);
  const merges = mergeBench(reuters, work);
  await warcBench(dir, work, merges);
}
