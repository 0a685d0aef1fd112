import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/aggregate/random.js';
import { merge } from '../src/api/merge.js';
import { DEMO_CORPUS } from '../src/util/paths.js';
import { run } from '../src/api/run.js';
import { differingOutputs, outputFiles, tempDir } from './helpers.js';


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
    // skipped.jsonl differs only in its locations, which name the shard files.
    const merged = await merge({ shards: [join(dir, 'out-0'), join(dir, 'out-1')], out: join(dir, 'merged') });
    expect(merged.counts).toEqual(whole.counts);

    expect(outputFiles(join(dir, 'whole'))).toContain('state.jsonl');
    expect(differingOutputs(join(dir, 'merged'), join(dir, 'whole'), (f) => f !== 'skipped.jsonl')).toEqual([]);
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
});
