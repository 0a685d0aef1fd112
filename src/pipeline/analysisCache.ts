import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatedDocument } from './analysisPool.js';
import { readLines } from '../util/lines.js';
import type { DocumentAnalysis } from '../types/analysis.js';
import { AtomicLineFile, temporaryOwner } from '../util/atomicFile.js';
import { type FolderLock, lockFolder, processAlive } from '../util/folderLock.js';
import type { Fingerprint } from '../types/fingerprint.js';
import { decodeMinhash, encodeMinhash } from '../text/fingerprint.js';

/** Segments kept before a commit folds them into one, so lookups open few files. */
const MAX_SEGMENTS = 8;
const SEGMENT = /^segment-(\d{6})\.jsonl$/;
/** A settings folder's name: the first 16 hex digits of `analysisDigest`. */
const SETTINGS_FOLDER = /^[0-9a-f]{16}$/;
/**
 * The file that marks a settings folder as this tool's: `{"tool":"trust-index","settings":"<folder name>"}`.
 * Only folders that hold it are ever deleted, so a folder or file of the user's that happens to be
 * named with 16 hex digits is left alone (and so are caches written before the marker existed).
 */
const MANIFEST = 'trust-index-cache.json';

function manifestText(digest: string): string {
  return `${JSON.stringify({ tool: 'trust-index', settings: digest })}\n`;
}

/** Whether `root/name` is a settings folder this tool wrote: the name, and a manifest naming it. */
async function isCacheFolder(root: string, name: string): Promise<boolean> {
  if (!SETTINGS_FOLDER.test(name)) return false;
  const manifest = await readFile(join(root, name, MANIFEST), 'utf8').catch(() => null);
  return manifest === manifestText(name);
}

/** What produced a cached analysis; any change to it makes every cached analysis stale. */
export interface AnalysisSettings {
  version: string;
  /** sha256 of each lexicon the analysis reads (not months.tsv: dates are read at ingest, before the cache). */
  lexicons: Record<string, string>;
  proxies: boolean;
  /** The languages read, when not all (sorted). */
  languages?: string[];
}

/** The cache's sub-folder for these settings: a new lexicon or option starts a fresh one. */
export function analysisDigest(settings: AnalysisSettings): string {
  const lexicons = Object.entries(settings.lexicons).sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify([settings.version, lexicons, settings.proxies, ...(settings.languages ? [settings.languages] : [])])).digest('hex').slice(0, 16);
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
  /** Entries that could not be read back, each naming its file; the run goes on without them. */
  readonly warnings: string[] = [];
  private readonly files = new Map<number, number>();
  /** This run's new segment, opened on the first put; a promise, so puts that run concurrently share one file. */
  private added: Promise<AtomicLineFile> | null = null;

  private constructor(
    private readonly root: string,
    private readonly dir: string,
    private readonly entries: Map<string, Location>,
    private readonly segments: number[],
    /** The cache's lock, held from `open` to `commit` or `abandon`; none for the copy `compact` reads. */
    private readonly lock: FolderLock | null,
    /** Also told of each entry that cannot be read back, as it is found (`warnings` lists them all). */
    private readonly warn: ((message: string) => void) | undefined,
  ) {}

  /**
   * The cache in `root` for these settings, locked for this run: a second run sharing it fails at once.
   * `warn` is told of entries that cannot be read back or fail their digest; they are analysed anew.
   */
  static async open(root: string, settings: AnalysisSettings, warn?: (message: string) => void): Promise<AnalysisCache> {
    const lock = await lockFolder(root, 'cache');
    try {
      const digest = analysisDigest(settings);
      const dir = join(root, digest);
      await mkdir(dir, { recursive: true });
      // Written once, so a run with nothing new leaves the folder untouched.
      if (!(await isCacheFolder(root, digest))) await writeFile(join(dir, MANIFEST), manifestText(digest));
      // A killed run's scratch segment: only this module's temporary names, of a process that is gone.
      for (const name of await readdir(dir)) {
        const owner = temporaryOwner(name, SEGMENT);
        if (owner !== null && (owner === process.pid || !processAlive(owner))) await rm(join(dir, name), { force: true });
      }
      return await AnalysisCache.openDir(root, dir, lock, warn);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private static async openDir(root: string, dir: string, lock: FolderLock | null, warn: ((message: string) => void) | undefined): Promise<AnalysisCache> {
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
    return new AnalysisCache(root, dir, entries, segments, lock, warn);
  }

  /**
   * The cached analysis of a document with this key, if any. An entry that cannot be read back (a
   * truncated or corrupted segment) is treated as absent, with a warning naming its file: the
   * document is analysed again, and its new entry replaces the bad one from the next run on.
   */
  get(key: string): CachedAnalysis | undefined {
    const at = this.entries.get(key);
    if (!at) return undefined;
    let found: CachedAnalysis;
    try {
      const text = this.line(at);
      if (!intact(text)) throw new Error('its sha256 digest does not match');
      const line = JSON.parse(text) as CachedLine;
      found = { analysis: line.analysis, fingerprint: { exact: line.exact, minhash: decodeMinhash(line.minhash) } };
      if (typeof found.analysis?.record?.id !== 'string' || typeof found.fingerprint.exact !== 'string') throw new Error('not a cached analysis');
    } catch (error) {
      this.entries.delete(key);
      const file = join(this.dir, segmentName(at.segment));
      const message = `${file}: the entry at byte ${at.offset} cannot be read (${(error as Error).message}); its document is analysed again`;
      this.warnings.push(message);
      this.warn?.(message);
      return undefined;
    }
    this.stats.reused += 1;
    return found;
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
    try {
      this.closeFiles();
      for (const name of await readdir(this.root)) {
        if (join(this.root, name) !== this.dir && (await isCacheFolder(this.root, name))) await rm(join(this.root, name), { recursive: true, force: true });
      }
      if (!this.added) return;
      await (await this.added).commit();
      this.segments.push(this.nextSegment());
      if (this.segments.length > MAX_SEGMENTS) await this.compact();
    } finally {
      await this.lock?.release();
    }
  }

  async abandon(): Promise<void> {
    try {
      this.closeFiles();
      await (await this.added)?.abandon();
    } finally {
      await this.lock?.release();
    }
  }

  /** Fold every segment into one, keeping the newest entry of each key. */
  private async compact(): Promise<void> {
    const merged = await AtomicLineFile.open(join(this.dir, segmentName(this.nextSegment())));
    const current = await AnalysisCache.openDir(this.root, this.dir, null, undefined);
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

function segmentName(segment: number): string {
  return `segment-${String(segment).padStart(6, '0')}.jsonl`;
}
