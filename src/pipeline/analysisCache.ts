import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatedDocument } from './analysisPool.js';
import { readLines } from '../util/lines.js';
import type { DocumentAnalysis } from '../types/analysis.js';
import { AtomicLineFile, removeStaleScratch } from '../util/atomicFile.js';
import type { Fingerprint } from '../types/fingerprint.js';
import { decodeMinhash, encodeMinhash } from '../text/fingerprint.js';

/** Segments kept before a commit folds them into one, so lookups open few files. */
const MAX_SEGMENTS = 8;
const SEGMENT = /^segment-(\d{6})\.jsonl$/;
/** A settings folder's name: the first 16 hex digits of `analysisDigest`. */
const SETTINGS_FOLDER = /^[0-9a-f]{16}$/;

/** What produced a cached analysis; any change to it makes every cached analysis stale. */
export interface AnalysisSettings {
  version: string;
  /** sha256 of each lexicon the analysis reads (not months.tsv: dates are read at ingest, before the cache). */
  lexicons: Record<string, string>;
  proxies: boolean;
}

/** The cache's sub-folder for these settings: a new lexicon or option starts a fresh one. */
export function analysisDigest(settings: AnalysisSettings): string {
  const lexicons = Object.entries(settings.lexicons).sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify([settings.version, lexicons, settings.proxies])).digest('hex').slice(0, 16);
}

/** A document's key: every field the analysis reads, so an edited story is analysed anew. */
export function documentKey(doc: DatedDocument): string {
  const fields = [doc.id, doc.date, doc.dateRule ?? null, doc.title, doc.text, doc.source ?? null, doc.url ?? null];
  return createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 22);
}

interface CachedLine {
  key: string;
  analysis: DocumentAnalysis;
  exact: string;
  minhash: string;
  /** sha256 of the line's bytes before `,"digest":`, so an edited or damaged entry is not used. */
  digest: string;
}

/** The end of a cache line: its digest field, 64 hex digits. */
const DIGEST_TAIL = /,"digest":"([0-9a-f]{64})"\}$/;

function lineDigest(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Whether a cache line's digest matches the rest of it. */
function intact(line: string): boolean {
  const match = DIGEST_TAIL.exec(line);
  return match !== null && lineDigest(line.slice(0, match.index)) === match[1];
}

/** A document's analysis and fingerprint, as the cache gives them back. */
export interface CachedAnalysis {
  analysis: DocumentAnalysis;
  fingerprint: Fingerprint;
}

interface Location {
  segment: number;
  offset: number;
  length: number;
}

/**
 * Analyses of documents (text → actors → score) kept between runs, so a
 * scheduled rerun analyses only what is new. Entries live in append-only
 * JSONL segments under `DIR/<settings digest>/`; memory holds only a key →
 * file position map, and an entry is read back when it is asked for. A run's
 * new entries go to a scratch segment renamed into place by `commit`, so a
 * killed run leaves the cache as it was.
 */
export class AnalysisCache {
  /** Documents this run took from the cache, and those it analysed. */
  readonly stats = { reused: 0, analysed: 0 };
  private readonly files = new Map<number, number>();
  /** Segments already warned about, so a damaged file is named once, not once per entry. */
  private readonly warned = new Set<number>();
  /** This run's new segment, opened on the first put; a promise, so puts that run concurrently share one file. */
  private added: Promise<AtomicLineFile> | null = null;

  private constructor(
    private readonly root: string,
    private readonly dir: string,
    private readonly entries: Map<string, Location>,
    private readonly segments: number[],
    private readonly warn: (message: string) => void,
  ) {}

  /** `warn` is told of entries that fail their digest (stderr by default); they are analysed anew. */
  static async open(root: string, settings: AnalysisSettings, warn: (message: string) => void = warnOnStderr): Promise<AnalysisCache> {
    const dir = join(root, analysisDigest(settings));
    await mkdir(dir, { recursive: true });
    return AnalysisCache.openDir(root, dir, warn);
  }

  private static async openDir(root: string, dir: string, warn: (message: string) => void): Promise<AnalysisCache> {
    await removeStaleScratch(dir);
    const segments = (await readdir(dir)).flatMap((name) => {
      const match = SEGMENT.exec(name);
      return match ? [Number(match[1])] : [];
    }).sort((a, b) => a - b);
    const entries = new Map<string, Location>();
    for (const segment of segments) {
      let offset = 0;
      const lines = readLines(createReadStream(join(dir, segmentName(segment))));
      for await (const line of lines) {
        const length = Buffer.byteLength(line);
        // The key is the line's first field: read it without parsing the whole entry.
        const key = /^\{"key":"([^"]+)"/.exec(line)?.[1];
        if (key !== undefined) entries.set(key, { segment, offset, length });
        offset += length + 1;
      }
    }
    return new AnalysisCache(root, dir, entries, segments, warn);
  }

  /** The cached analysis of a document with this key, if any. */
  get(key: string): CachedAnalysis | undefined {
    const at = this.entries.get(key);
    if (!at) return undefined;
    const text = this.line(at);
    if (!intact(text)) {
      // A damaged entry is treated as absent: the document is analysed again and its new entry written.
      this.entries.delete(key);
      if (!this.warned.has(at.segment)) {
        this.warned.add(at.segment);
        this.warn(`${join(this.dir, segmentName(at.segment))}: an entry does not match its digest; it is ignored and the document analysed again`);
      }
      return undefined;
    }
    const line = JSON.parse(text) as CachedLine;
    this.stats.reused += 1;
    return { analysis: line.analysis, fingerprint: { exact: line.exact, minhash: decodeMinhash(line.minhash) } };
  }

  /**
   * Keep a fresh analysis, given as JSON (a worker serialises it); it becomes
   * visible to later runs once this run commits.
   */
  async put(key: string, analysis: string, fingerprint: Fingerprint): Promise<void> {
    this.stats.analysed += 1;
    this.added ??= AtomicLineFile.open(join(this.dir, segmentName(this.nextSegment())));
    // JSON.stringify of a CachedLine, with the analysis spliced in as it came: the key first, as `openDir` reads it.
    const body = `{"key":${JSON.stringify(key)},"analysis":${analysis},"exact":${JSON.stringify(fingerprint.exact)},"minhash":${JSON.stringify(encodeMinhash(fingerprint.minhash))}`;
    await (await this.added).writeLine(`${body},"digest":"${lineDigest(body)}"}`);
  }

  /**
   * Make this run's analyses part of the cache and drop caches made under
   * other settings (their lexicons or options are gone). A run that analysed
   * nothing new leaves the folder untouched.
   */
  async commit(): Promise<void> {
    this.closeFiles();
    // Only folders this cache made: a cache pointed at a folder that holds other files leaves them be.
    for (const name of await readdir(this.root)) {
      if (SETTINGS_FOLDER.test(name) && join(this.root, name) !== this.dir) await rm(join(this.root, name), { recursive: true, force: true });
    }
    if (!this.added) return;
    await (await this.added).commit();
    this.segments.push(this.nextSegment());
    if (this.segments.length > MAX_SEGMENTS) await this.compact();
  }

  async abandon(): Promise<void> {
    this.closeFiles();
    await (await this.added)?.abandon();
  }

  /** Fold every segment into one, keeping the newest entry of each key. */
  private async compact(): Promise<void> {
    const merged = await AtomicLineFile.open(join(this.dir, segmentName(this.nextSegment())));
    const current = await AnalysisCache.openDir(this.root, this.dir, this.warn);
    for (const at of current.entries.values()) await merged.writeLine(current.line(at));
    current.closeFiles();
    await merged.commit();
    for (const segment of current.segments) await rm(join(this.dir, segmentName(segment)), { force: true });
  }

  private line(at: Location): string {
    const bytes = Buffer.alloc(at.length);
    readSync(this.file(at.segment), bytes, 0, at.length, at.offset);
    return bytes.toString('utf8');
  }

  private nextSegment(): number {
    return (this.segments.at(-1) ?? 0) + 1;
  }

  private file(segment: number): number {
    let fd = this.files.get(segment);
    if (fd === undefined) {
      fd = openSync(join(this.dir, segmentName(segment)), 'r');
      this.files.set(segment, fd);
    }
    return fd;
  }

  private closeFiles(): void {
    for (const fd of this.files.values()) closeSync(fd);
    this.files.clear();
  }
}

function warnOnStderr(message: string): void {
  process.stderr.write(`warning: ${message}\n`);
}

function segmentName(segment: number): string {
  return `segment-${String(segment).padStart(6, '0')}.jsonl`;
}
