import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/aggregate/random.js';
import { merge } from '../src/api/merge.js';
import { run } from '../src/api/run.js';
import { DEMO_CORPUS } from '../src/util/paths.js';
import { differingOutputs, jsonl, shuffled, tempDir, unlocated } from './helpers.js';

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

/**
 * The demo corpus plus syndicated copies (exact and edited, a day or two apart, some across years) and
 * repeated ids: read twice alike, and read again with other text on another date or on the same date.
 */
function corpus(random: () => number): string[] {
  const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n');
  const extra: string[] = [];
  const shifted = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  for (let n = 0; n < 35; n += 1) {
    const line = lines[Math.floor(random() * lines.length)] as string;
    const doc = JSON.parse(line) as Line;
    const kind = n % 7;
    if (kind === 4) {
      // The same id read twice with the same content.
      extra.push(line);
      continue;
    }
    if (kind === 5) {
      // The same id with another story's text, days before or after: the earlier copy counts.
      const other = JSON.parse(lines[Math.floor(random() * lines.length)] as string) as Line;
      const days = (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 20));
      extra.push(JSON.stringify({ ...doc, title: other.title, text: other.text, date: shifted(doc.date, days) }));
      continue;
    }
    if (kind === 6) {
      // The same id and date with edited text: the copy with the smaller content hash counts.
      extra.push(JSON.stringify({ ...doc, text: `${doc.text} The ministry later corrected the figures.` }));
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

/** Ids read more than once, with the dates of their copies. */
function repeatedIds(lines: readonly string[]): Map<string, string[]> {
  const dates = new Map<string, string[]>();
  for (const line of lines) {
    const { id, date } = JSON.parse(line) as Line;
    dates.set(id, [...(dates.get(id) ?? []), date]);
  }
  return new Map([...dates].filter(([, copies]) => copies.length > 1));
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
    // Every repeat of an id is reported, and the copy counted is one of the earliest dated.
    const repeated = repeatedIds(all);
    expect([...repeated.values()].filter((dates) => new Set(dates).size > 1).length).toBeGreaterThan(3);
    const skips = skippedSet(whole);
    const records = jsonl<{ id: string; date: string; status: string; reason?: string }>(join(whole, 'documents.jsonl'));
    for (const [id, dates] of repeated) {
      expect(skips.filter((s) => s === `duplicate-id ${id}`), id).toHaveLength(dates.length - 1);
      const counted = records.filter((r) => r.id === id && r.reason !== 'duplicate-id');
      expect(counted.map((r) => r.date), id).toEqual([dates.sort()[0]]);
    }
    for (let n = 0; n < CASES; n += 1) {
      const order = shuffled(all, random);
      const shards = n % 3 === 0 ? 1 : 2 + (n % 2);
      const parts: string[][] = Array.from({ length: shards }, () => []);
      // Copies of one id may land in different shards: the merge decides which counts as one run does.
      for (const line of order) (parts[Math.floor(random() * shards)] as string[]).push(line);
      const outs: string[] = [];
      for (const [i, part] of parts.entries()) {
        writeFileSync(join(dir, `case-${n}-${i}.jsonl`), `${part.join('\n')}\n`);
        outs.push(join(dir, `case-${n}-out-${i}`));
        await run({ inputs: [join(dir, `case-${n}-${i}.jsonl`)], out: outs.at(-1) as string, defaultDate: null, jobs: 1 + (n % 2) });
      }
      const result = shards === 1 ? (outs[0] as string) : join(dir, `case-${n}-merged`);
      if (shards > 1) await merge({ shards: outs, out: result });
      const context = `case ${n} (seed ${SEED}): ${shards} shard(s)`;
      expect(differingOutputs(result, whole, unlocated), context).toEqual([]);
      expect(skippedSet(result), context).toEqual(skippedSet(whole));
    }
  }, 120_000);
});
