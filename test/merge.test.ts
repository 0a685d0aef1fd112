import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/aggregate/random.js';
import { merge } from '../src/api/merge.js';
import { DEMO_CORPUS } from '../src/util/paths.js';
import { run } from '../src/api/run.js';
import { differingOutputs, jsonl, outputFiles, tempDir, unlocated } from './helpers.js';

/** Write slices of the demo corpus, `name: [from, to]`, as JSONL files in `dir`; returns the corpus' lines. */
function demoSlices(dir: string, slices: Record<string, [number, number]>): string[] {
  const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n');
  for (const [name, [from, to]] of Object.entries(slices)) writeFileSync(join(dir, name), `${lines.slice(from, to).join('\n')}\n`);
  return lines;
}

describe('merge', () => {
  it('gives byte for byte the outputs of one run, from a random split of the demo corpus', async () => {
    const dir = tempDir('merge');
    const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n');
    // A syndicated copy in each shard of a story in the other, so folding must cross shards.
    const copy = (line: string, id: string, date: string) => JSON.stringify({ ...JSON.parse(line), id, date });
    const all = [...lines, copy(lines[10] as string, 'copy-a', '2019-11-01'), copy(lines[100] as string, 'copy-b', '2026-01-01')];
    const random = seededRandom(42);
    const shards: string[][] = [[], []];
    for (const line of all) (shards[random() < 0.5 ? 0 : 1] as string[]).push(line);
    writeFileSync(join(dir, 'all.jsonl'), `${all.join('\n')}\n`);
    shards.forEach((shard, i) => writeFileSync(join(dir, `shard-${i}.jsonl`), `${shard.join('\n')}\n`));

    const whole = await run({ inputs: [join(dir, 'all.jsonl')], out: join(dir, 'whole'), defaultDate: null });
    expect(whole.counts.duplicates).toBe(2);
    for (const i of [0, 1]) await run({ inputs: [join(dir, `shard-${i}.jsonl`)], out: join(dir, `out-${i}`), defaultDate: null });
    // skipped.jsonl and origins.jsonl differ only in their locations, which name the shard files.
    const merged = await merge({ shards: [join(dir, 'out-0'), join(dir, 'out-1')], out: join(dir, 'merged') });
    expect(merged.counts).toEqual(whole.counts);

    expect(outputFiles(join(dir, 'whole'))).toContain('state.jsonl');
    expect(differingOutputs(join(dir, 'merged'), join(dir, 'whole'), unlocated)).toEqual([]);
  });

  it('merges shards that carry no index of their own (run --shard), in two threads, into the one run', async () => {
    const dir = tempDir('merge-shard-mode');
    demoSlices(dir, { 'a.jsonl': [0, 40], 'b.jsonl': [40, 80], 'all.jsonl': [0, 80] });
    const [a, b] = [join(dir, 'out-a'), join(dir, 'out-b')];
    await run({ inputs: [join(dir, 'a.jsonl')], out: a, defaultDate: null, shard: true });
    await run({ inputs: [join(dir, 'b.jsonl')], out: b, defaultDate: null, shard: true });
    for (const file of ['index.csv', 'index-directed.csv', 'contributions.csv', 'report.md']) expect(existsSync(join(a, file)), file).toBe(false);
    expect(JSON.parse(readFileSync(join(a, 'index.json'), 'utf8')).index).toEqual([]);
    const whole = await run({ inputs: [join(dir, 'all.jsonl')], out: join(dir, 'whole'), defaultDate: null });
    const merged = await merge({ shards: [a, b], out: join(dir, 'merged'), jobs: 2 });
    expect(merged.counts).toEqual(whole.counts);
    expect(differingOutputs(join(dir, 'merged'), join(dir, 'whole'), unlocated)).toEqual([]);
  });

  it('names a shard folder that does not exist, or that no run wrote, and writes nothing', async () => {
    const dir = tempDir('merge-missing');
    const merged = join(dir, 'merged');
    await expect(merge({ shards: [join(dir, 'nowhere')], out: merged })).rejects.toThrow(`${join(dir, 'nowhere')}: no such file or directory`);
    await expect(merge({ shards: [dir], out: merged })).rejects.toThrow(`${dir}: no index.json: not the output folder of a run`);
    expect(existsSync(join(merged, 'index.json'))).toBe(false);
  });

  it('refuses a shard made with other lexicons', async () => {
    const dir = tempDir('merge-lexicon');
    const out = join(dir, 'out');
    await run({ inputs: [DEMO_CORPUS], out, defaultDate: null });
    const indexJson = join(out, 'index.json');
    const meta = JSON.parse(readFileSync(indexJson, 'utf8'));
    meta.lexicons['trust.tsv'] = '0000000000000000';
    writeFileSync(indexJson, JSON.stringify(meta));
    await expect(merge({ shards: [out], out: join(dir, 'merged') })).rejects.toThrow(/another version of trust\.tsv/);
  });

  it('refuses a run merged with itself, or shards that read the same input, naming both folders', async () => {
    const dir = tempDir('merge-overlap');
    // Both shards read shared.jsonl: its document would be counted twice.
    const lines = demoSlices(dir, { 'a.jsonl': [0, 19], 'b.jsonl': [20, 40], 'shared.jsonl': [19, 20] });
    const [a, b] = [join(dir, 'out-a'), join(dir, 'out-b')];
    await run({ inputs: [join(dir, 'a.jsonl'), join(dir, 'shared.jsonl')], out: a, defaultDate: null });
    await run({ inputs: [join(dir, 'b.jsonl'), join(dir, 'shared.jsonl')], out: b, defaultDate: null });
    const merged = join(dir, 'merged');
    await expect(merge({ shards: [a, a], out: merged })).rejects.toThrow(`is in both ${a} and ${a}`);
    const id = JSON.parse(lines[19] as string).id as string;
    await expect(merge({ shards: [a, b], out: merged })).rejects.toThrow(`document "${id}" is in both ${a} and ${b}`);
    expect(existsSync(join(merged, 'index.json'))).toBe(false);
  });

  it('merges shards whose different documents were read at places of the same name (relative paths on two machines)', async () => {
    const dir = tempDir('merge-same-names');
    demoSlices(dir, { 'a.jsonl': [0, 15], 'b.jsonl': [15, 30], 'all.jsonl': [0, 30] });
    const [a, b] = [join(dir, 'out-a'), join(dir, 'out-b')];
    await run({ inputs: [join(dir, 'a.jsonl')], out: a, defaultDate: null });
    await run({ inputs: [join(dir, 'b.jsonl')], out: b, defaultDate: null });
    // As if each shard had been run on `news.jsonl` in a folder of its own.
    for (const shard of [a, b]) {
      const origins = jsonl<{ id: string; origin: string }>(join(shard, 'origins.jsonl'));
      writeFileSync(join(shard, 'origins.jsonl'), origins.map((o) => `${JSON.stringify({ ...o, origin: o.origin.replace(/^.*:/, 'news.jsonl:') })}\n`).join(''));
    }
    const whole = await run({ inputs: [join(dir, 'all.jsonl')], out: join(dir, 'whole'), defaultDate: null });
    const merged = await merge({ shards: [a, b], out: join(dir, 'merged') });
    expect(merged.counts).toEqual(whole.counts);
    expect(differingOutputs(join(dir, 'merged'), join(dir, 'whole'), unlocated)).toEqual([]);
    expect(jsonl<{ origin: string }>(join(dir, 'merged', 'origins.jsonl')).filter((o) => o.origin.endsWith(`(${b})`))).toHaveLength(15);
  });

  it('refuses shards made with other options or by another version, naming the shard', async () => {
    const dir = tempDir('merge-options');
    const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'a.jsonl'), `${lines.slice(0, 10).join('\n')}\n`);
    writeFileSync(join(dir, 'b.jsonl'), `${lines.slice(10, 20).join('\n')}\n`);
    const a = join(dir, 'out-a');
    await run({ inputs: [join(dir, 'a.jsonl')], out: a, defaultDate: null });
    const shard = (name: string, options: Partial<Parameters<typeof run>[0]>) =>
      run({ inputs: [join(dir, 'b.jsonl')], out: join(dir, name), defaultDate: null, ...options }).then(() => join(dir, name));
    const cases: Array<[string, RegExp]> = [
      [await shard('no-proxies', { proxies: false }), /made with proxies false, but .*out-a.* with true/],
      [await shard('dated', { defaultDate: '2024-01-01' }), /made with defaultDate "2024-01-01"/],
      [await shard('quarter', { index: { period: 'quarter' } }), /made with period "quarter"/],
      // No record has a "body" field, so this shard reads no usable document: allowEmpty lets it be written.
      [await shard('fields', { fields: { text: 'body' }, allowEmpty: true }), /made with fields/],
    ];
    for (const [b, message] of cases) {
      await expect(merge({ shards: [a, b], out: join(dir, 'merged') })).rejects.toThrow(message);
      await expect(merge({ shards: [a, b], out: join(dir, 'merged') })).rejects.toThrow(join(b, 'index.json'));
    }
    const unplaced = await shard('unplaced', {});
    rmSync(join(unplaced, 'origins.jsonl'));
    await expect(merge({ shards: [a, unplaced], out: join(dir, 'merged') })).rejects.toThrow(`${unplaced}: no origins.jsonl`);
    const old = await shard('old', {});
    const meta = JSON.parse(readFileSync(join(old, 'index.json'), 'utf8'));
    writeFileSync(join(old, 'index.json'), JSON.stringify({ ...meta, version: '0.0.1' }));
    await expect(merge({ shards: [a, old], out: join(dir, 'merged') })).rejects.toThrow(/old\/index\.json: made by trust-index "0\.0\.1"/);
  });

  it('counts a repeated id once in a run and in a merge, and names both places it was read', async () => {
    const dir = tempDir('merge-repeated-id');
    const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n');
    const repeated = JSON.parse(lines[0] as string).id as string;
    writeFileSync(join(dir, 'a.jsonl'), `${[lines[0], lines[1], lines[0]].join('\n')}\n`);
    writeFileSync(join(dir, 'b.jsonl'), `${lines.slice(2, 12).join('\n')}\n`);
    writeFileSync(join(dir, 'all.jsonl'), `${[lines[0], lines[1], lines[0], ...lines.slice(2, 12)].join('\n')}\n`);
    const alone = await run({ inputs: [join(dir, 'a.jsonl')], out: join(dir, 'out-a'), defaultDate: null });
    expect(alone.counts.skippedByReason).toEqual({ 'duplicate-id': 1 });
    const sentences = jsonl<{ docId: string; sentenceIndex: number; pair: string }>(join(dir, 'out-a', 'sentences.jsonl'));
    const keys = sentences.map((s) => `${s.docId} ${s.sentenceIndex} ${s.pair}`);
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    // Each copy's fingerprint and origin are kept for a merge, which decides anew which copy counts.
    expect(jsonl<{ id: string }>(join(dir, 'out-a', 'state.jsonl')).filter((s) => s.id === repeated)).toHaveLength(2);
    expect(jsonl<{ id: string; origin: string }>(join(dir, 'out-a', 'origins.jsonl')).filter((s) => s.id === repeated).map((s) => s.origin).sort()).toEqual(
      [`${join(dir, 'a.jsonl')}:1`, `${join(dir, 'a.jsonl')}:3`],
    );
    // The copies are alike, so the tie goes to the smaller origin: line 1 counts, line 3 is reported.
    expect(jsonl<{ origin: string; message: string }>(join(dir, 'out-a', 'skipped.jsonl'))).toEqual([
      expect.objectContaining({ origin: `${join(dir, 'a.jsonl')}:3`, message: expect.stringContaining(`also read at ${join(dir, 'a.jsonl')}:1`) }),
    ]);
    await run({ inputs: [join(dir, 'b.jsonl')], out: join(dir, 'out-b'), defaultDate: null });
    const whole = await run({ inputs: [join(dir, 'all.jsonl')], out: join(dir, 'whole'), defaultDate: null });
    const merged = await merge({ shards: [join(dir, 'out-a'), join(dir, 'out-b')], out: join(dir, 'merged') });
    expect(merged.counts).toEqual(whole.counts);
    expect(differingOutputs(join(dir, 'merged'), join(dir, 'whole'), unlocated)).toEqual([]);
  });
});
