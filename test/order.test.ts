import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/aggregate/random.js';
import { merge } from '../src/api/merge.js';
import { run } from '../src/api/run.js';
import { DEMO_CORPUS } from '../src/util/paths.js';
import { differingOutputs, jsonl, shuffled, tempDir } from './helpers.js';

/**
 * The property the README promises: the outputs are a function of the set of documents, whatever
 * order they arrive in and however the corpus is split into shards and merged.
 */
const SEED = 20260317;
const CASES = 6;

interface Line {
  id: string;
  date: string;
  text: string;
}

/** The demo corpus plus syndicated copies (exact and edited, a day or two apart, some across years) and repeated ids. */
function corpus(random: () => number): string[] {
  const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n');
  const extra: string[] = [];
  const shifted = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  for (let n = 0; n < 25; n += 1) {
    const line = lines[Math.floor(random() * lines.length)] as string;
    const doc = JSON.parse(line) as Line;
    const kind = n % 5;
    if (kind === 4) {
      // The same id read twice with the same content.
      extra.push(line);
      continue;
    }
    if (kind === 3) {
      // An exact copy nine days on, and an edited copy a day before that: near the late copy only.
      extra.push(JSON.stringify({ ...doc, id: `copy-${n}`, date: shifted(doc.date, 9) }));
      extra.push(JSON.stringify({ ...doc, id: `copy-${n}-edited`, date: shifted(doc.date, 8), text: `WIRE — ${doc.text}` }));
      continue;
    }
    const text = kind === 0 ? doc.text : kind === 1 ? `WIRE — ${doc.text}` : `${doc.text} The report was updated.`;
    extra.push(JSON.stringify({ ...doc, id: `copy-${n}`, date: shifted(doc.date, Math.floor(random() * 7) - 3), text }));
  }
  return [...lines, ...extra];
}

/** skipped.jsonl names input files and lines, which differ with the order and split: compare what was skipped, not where. */
function skippedSet(dir: string): string[] {
  return jsonl<{ id: string | null; reason: string }>(join(dir, 'skipped.jsonl')).map((s) => `${s.reason} ${s.id}`).sort();
}

describe('outputs are a function of the set of documents', () => {
  const random = seededRandom(SEED);
  const all = corpus(random);
  let dir: string;
  let whole: string;
  beforeAll(async () => {
    dir = tempDir('order');
    whole = join(dir, 'whole');
    writeFileSync(join(dir, 'all.jsonl'), `${all.join('\n')}\n`);
    await run({ inputs: [join(dir, 'all.jsonl')], out: whole, defaultDate: null });
  });

  it(`gives byte-identical files for ${CASES} random orders, splits and merges (seed ${SEED})`, async () => {
    expect(skippedSet(whole)).toContain(`duplicate-id ${JSON.parse(all.at(-1) as string).id}`);
    for (let n = 0; n < CASES; n += 1) {
      const order = shuffled(all, random);
      const shards = n % 3 === 0 ? 1 : 2 + (n % 2);
      const parts: string[][] = Array.from({ length: shards }, () => []);
      // A repeated id stays in one shard: the same document in two shards is refused (see merge.test.ts).
      const shardOf = new Map<string, number>();
      for (const line of order) {
        const id = (JSON.parse(line) as Line).id;
        const shard = shardOf.get(id) ?? Math.floor(random() * shards);
        shardOf.set(id, shard);
        (parts[shard] as string[]).push(line);
      }
      const outs: string[] = [];
      for (const [i, part] of parts.entries()) {
        writeFileSync(join(dir, `case-${n}-${i}.jsonl`), `${part.join('\n')}\n`);
        outs.push(join(dir, `case-${n}-out-${i}`));
        await run({ inputs: [join(dir, `case-${n}-${i}.jsonl`)], out: outs.at(-1) as string, defaultDate: null, jobs: 1 + (n % 2) });
      }
      const result = shards === 1 ? (outs[0] as string) : join(dir, `case-${n}-merged`);
      if (shards > 1) await merge({ shards: outs, out: result });
      const context = `case ${n} (seed ${SEED}): ${shards} shard(s)`;
      expect(differingOutputs(result, whole, (f) => f !== 'skipped.jsonl'), context).toEqual([]);
      expect(skippedSet(result), context).toEqual(skippedSet(whole));
    }
  }, 120_000);
});
