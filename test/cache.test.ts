import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnalysisCache, analysisDigest, documentKey } from '../src/pipeline/analysisCache.js';
import { fingerprint } from '../src/text/fingerprint.js';
import { DEMO_CORPUS } from '../src/util/paths.js';
import { run } from '../src/api/run.js';
import { CLI, differingOutputs, snapshot, tempDir } from './helpers.js';

const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n');

function writeCorpus(path: string, corpus: string[]): string {
  writeFileSync(path, `${corpus.join('\n')}\n`);
  return path;
}

describe('AnalysisCache', () => {
  const settings = { version: 'test', lexicons: {}, proxies: true };
  const print = fingerprint('Envoys of both countries met in Geneva and agreed to meet again next month.');
  /** A small analysis whose record's id is `id` and title `title of <id>`. */
  const analysis = (id: string) => ({
    record: { id, date: '2024-01-01', title: `title of ${id}`, status: 'no-pair' as const, sentences: 1, countries: [], pairs: [] },
    sentences: [], names: [], boilerplateParagraphs: 0, otherLanguageSentences: 0,
  });

  it('keeps every analysis put while others are still being written (the first puts open its file together)', async () => {
    const root = tempDir('cache-puts');
    const cache = await AnalysisCache.open(root, settings);
    const keys = Array.from({ length: 40 }, (_, i) => `key-${i}`);
    await Promise.all(keys.map((key) => cache.put(key, JSON.stringify(analysis(key)), print)));
    await cache.commit();
    const reopened = await AnalysisCache.open(root, settings);
    expect(keys.filter((key) => reopened.get(key)?.analysis.record.id !== key)).toEqual([]);
    await reopened.abandon();
  });

  it('is locked for one run at a time, and removes only its own scratch segments', async () => {
    const root = tempDir('cache-lock');
    const settings = { version: 'test', lexicons: {}, proxies: true };
    const first = await AnalysisCache.open(root, settings);
    await expect(AnalysisCache.open(root, settings)).rejects.toThrow(/another trust-index run \(process \d+\) is using this cache/);
    await first.commit();
    const folder = join(root, analysisDigest(settings));
    writeFileSync(join(folder, 'segment-000009.jsonl.tmp-99999999-1'), 'a dead run\'s scratch');
    writeFileSync(join(folder, 'segment-000001.jsonl.tmp-2024.bak'), 'mine');
    writeFileSync(join(folder, 'notes.tmp-99999999-1'), 'mine');
    const second = await AnalysisCache.open(root, settings);
    await second.abandon();
    expect(readdirSync(folder).sort()).toEqual(['notes.tmp-99999999-1', 'segment-000001.jsonl.tmp-2024.bak', 'trust-index-cache.json']);
  });

  it('treats an entry that fails its digest as absent, and names its file in a warning', async () => {
    const root = tempDir('cache-tampered');
    const cache = await AnalysisCache.open(root, settings);
    for (const key of ['kept', 'tampered']) await cache.put(key, JSON.stringify(analysis(key)), print);
    await cache.commit();
    const [segment] = readdirSync(join(root, analysisDigest(settings)));
    const path = join(root, analysisDigest(settings), segment as string);
    writeFileSync(path, readFileSync(path, 'utf8').replace('title of tampered', 'title of forgery'));
    const warnings: string[] = [];
    const reopened = await AnalysisCache.open(root, settings, (message) => warnings.push(message));
    expect(reopened.get('kept')?.analysis.record.title).toBe('title of kept');
    expect(reopened.get('tampered')).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining(path)]);
    await reopened.abandon();
  });
});

describe('an incremental run with --cache', () => {
  let dir: string;
  let full: string;
  beforeAll(async () => {
    dir = tempDir('cache');
    full = join(dir, 'full');
    await run({ inputs: [DEMO_CORPUS], out: full, defaultDate: null });
  });

  it('analyses only the new documents and writes what a full run writes', async () => {
    const cache = join(dir, 'cache');
    const first = writeCorpus(join(dir, 'first.jsonl'), lines.slice(0, 150));
    const before = await run({ inputs: [first], out: join(dir, 'incremental'), defaultDate: null, cache });
    expect(before.cache).toEqual({ reused: 0, analysed: 150 });
    const after = await run({ inputs: [DEMO_CORPUS], out: join(dir, 'incremental'), defaultDate: null, cache });
    expect(after.cache).toEqual({ reused: 150, analysed: lines.length - 150 });
    expect(differingOutputs(join(dir, 'incremental'), full)).toEqual([]);
    // Nothing new: nothing analysed, the cache folder untouched, the same outputs again.
    const cached = snapshot(cache);
    const again = await run({ inputs: [DEMO_CORPUS], out: join(dir, 'again'), defaultDate: null, cache, jobs: 2 });
    expect(again.cache).toEqual({ reused: lines.length, analysed: 0 });
    expect(snapshot(cache)).toEqual(cached);
    expect(differingOutputs(join(dir, 'again'), full)).toEqual([]);
  });

  it('analyses an edited story again, and only that one', async () => {
    const cache = join(dir, 'cache-edit');
    await run({ inputs: [DEMO_CORPUS], out: join(dir, 'edit-0'), defaultDate: null, cache, jobs: 2 });
    const edited = [...lines];
    const story = JSON.parse(edited[5] as string) as { text: string };
    edited[5] = JSON.stringify({ ...story, text: `${story.text} Both sides said they no longer trust each other.` });
    const summary = await run({ inputs: [writeCorpus(join(dir, 'edited.jsonl'), edited)], out: join(dir, 'edit-1'), defaultDate: null, cache });
    expect(summary.cache).toEqual({ reused: lines.length - 1, analysed: 1 });
    const uncached = await run({ inputs: [join(dir, 'edited.jsonl')], out: join(dir, 'edit-2'), defaultDate: null });
    expect(uncached.counts).toEqual(summary.counts);
    expect(differingOutputs(join(dir, 'edit-1'), join(dir, 'edit-2'))).toEqual([]);
  });

  it('starts afresh when the analysis settings change, and drops the stale entries', async () => {
    const cache = join(dir, 'cache-settings');
    await run({ inputs: [DEMO_CORPUS], out: join(dir, 'settings-0'), defaultDate: null, cache });
    const [withProxies] = readdirSync(cache);
    // Files that are not the cache's own, in a folder the user pointed it at, are left alone.
    writeFileSync(join(cache, 'notes.txt'), 'mine');
    mkdirSync(join(cache, 'drafts'));
    // Named like a settings folder, but not the cache's (no manifest of its own): a file and a folder of photos.
    writeFileSync(join(cache, '0123456789abcdef'), 'mine too');
    mkdirSync(join(cache, 'fedcba9876543210'));
    writeFileSync(join(cache, 'fedcba9876543210', 'photo.jpg'), 'a photo');
    const summary = await run({ inputs: [DEMO_CORPUS], out: join(dir, 'settings-1'), defaultDate: null, cache, proxies: false });
    expect(summary.cache).toEqual({ reused: 0, analysed: lines.length });
    expect(readdirSync(cache)).toHaveLength(5);
    expect(readdirSync(cache)).toEqual(expect.arrayContaining(['drafts', 'notes.txt', '0123456789abcdef', 'fedcba9876543210', expect.stringMatching(/^[0-9a-f]{16}$/)]));
    expect(readFileSync(join(cache, 'fedcba9876543210', 'photo.jpg'), 'utf8')).toBe('a photo');
    expect(readdirSync(cache)).not.toContain(withProxies);
  });

  it('keys the settings by every lexicon digest, and documents by every field the analysis reads', () => {
    const settings = { version: '0.1.0', lexicons: { 'trust.tsv': 'a', 'tone.tsv': 'b' }, proxies: true };
    const digest = analysisDigest(settings);
    expect(analysisDigest({ ...settings, lexicons: { 'tone.tsv': 'b', 'trust.tsv': 'a' } })).toBe(digest);
    expect(analysisDigest({ ...settings, lexicons: { 'trust.tsv': 'a', 'tone.tsv': 'c' } })).not.toBe(digest);
    expect(analysisDigest({ ...settings, version: '0.1.1' })).not.toBe(digest);
    expect(analysisDigest({ ...settings, proxies: false })).not.toBe(digest);
    const doc = { id: 'a', date: '2024-11-01', title: 'T', text: 'Text.', origin: 'x:1' };
    const key = documentKey(doc);
    expect(documentKey({ ...doc, origin: 'y:9' })).toBe(key);
    for (const change of [{ id: 'b' }, { date: '2024-11-02' }, { title: 'U' }, { text: 'Text!' }, { source: 's' }, { url: 'u' }, { dateRule: 'url' }]) {
      expect(documentKey({ ...doc, ...change }), JSON.stringify(change)).not.toBe(key);
    }
  });

  it('folds its segments so a long series of runs opens few files', async () => {
    const cache = join(dir, 'cache-segments');
    for (let n = 1; n <= 11; n += 1) {
      const summary = await run({ inputs: [writeCorpus(join(dir, `part-${n}.jsonl`), lines.slice(0, n))], out: join(dir, 'segments'), defaultDate: null, cache });
      expect(summary.cache).toEqual({ reused: n - 1, analysed: 1 });
    }
    const [settings] = readdirSync(cache);
    expect(readdirSync(join(cache, settings as string)).length).toBeLessThanOrEqual(8);
  });

  it('is left as it was by a run killed part-way', async () => {
    const cache = join(dir, 'cache-killed');
    await run({ inputs: [DEMO_CORPUS], out: join(dir, 'killed'), defaultDate: null, cache });
    const cached = snapshot(cache);
    const copies = Array.from({ length: 30 }, (_, copy) => lines.map((l) => JSON.stringify({ ...JSON.parse(l), id: `${JSON.parse(l).id}-${copy}` }))).flat();
    const big = writeCorpus(join(dir, 'big.jsonl'), copies);
    const child = spawn('node', [CLI, 'run', big, '--quiet', '--jobs', '1', '--out', join(dir, 'killed'), '--cache', cache], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const leftovers = snapshot(cache);
    // Only the killed run's scratch segment and its lock may be left; the next run removes them.
    expect([...leftovers.keys()].filter((f) => !cached.has(f)).every((f) => /(\.tmp-\d+-\d+|(^|\/)\.trust-index\.lock)$/.test(f))).toBe(true);
    for (const [file, bytes] of cached) expect(leftovers.get(file), file).toBe(bytes);
    const summary = await run({ inputs: [DEMO_CORPUS], out: join(dir, 'killed'), defaultDate: null, cache });
    expect(summary.cache).toEqual({ reused: lines.length, analysed: 0 });
    expect(snapshot(cache)).toEqual(cached);
    expect(differingOutputs(join(dir, 'killed'), full)).toEqual([]);
  });
});

describe('a damaged cache segment', () => {
  it('is read around: bad entries are analysed again with a warning naming the file, the outputs are a full run\'s', async () => {
    const dir = tempDir('cache-damaged');
    const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n').slice(0, 20);
    const input = writeCorpus(join(dir, 'news.jsonl'), lines);
    const cache = join(dir, 'cache');
    await run({ inputs: [input], out: join(dir, 'first'), defaultDate: null, cache });
    const [settings] = readdirSync(cache).filter((f) => /^[0-9a-f]{16}$/.test(f));
    const segment = join(cache, settings as string, 'segment-000001.jsonl');
    const entries = readFileSync(segment, 'utf8').split('\n');
    // One entry corrupted in the middle, the last one cut short: a disk error and a killed write.
    entries[3] = `${(entries[3] as string).slice(0, 60)}#garbage#${(entries[3] as string).slice(70)}`;
    const last = entries.length - 2;
    entries[last] = (entries[last] as string).slice(0, 100);
    writeFileSync(segment, entries.slice(0, last + 1).join('\n'));

    const summary = await run({ inputs: [input], out: join(dir, 'second'), defaultDate: null, cache });
    expect(summary.cache).toEqual({ reused: lines.length - 2, analysed: 2 });
    expect(summary.notes).toHaveLength(2);
    for (const note of summary.notes ?? []) expect(note).toContain(`${segment}: the entry at byte`);
    expect(differingOutputs(join(dir, 'second'), join(dir, 'first'))).toEqual([]);
    // The fresh entries replace the bad ones: the next run reads everything from the cache, without a word.
    const third = await run({ inputs: [input], out: join(dir, 'third'), defaultDate: null, cache });
    expect(third.cache).toEqual({ reused: lines.length, analysed: 0 });
    expect(third.notes).toBeUndefined();
  });
});
