import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { merge } from '../src/api/merge.js';
import { run } from '../src/api/run.js';
import { fullText } from '../src/pipeline/pipeline.js';
import { fingerprint } from '../src/text/fingerprint.js';
import type { DocumentRecord, SkippedInput } from '../src/types/document.js';
import type { PairSentence } from '../src/types/evidence.js';
import { differingOutputs, jsonl, outputFiles, tempDir } from './helpers.js';

/**
 * One id read twice with different text: which copy counts must not depend on the order the inputs are
 * read in, on how many threads analyse them, or on how they are split into shards and merged.
 */
const LATE = {
  id: 'X', date: '2024-03-10', title: 'China and Pakistan fall out over the corridor',
  text: 'Pakistan accused China of betraying its trust over the corridor projects. Islamabad recalled its ambassador from Beijing.',
};
const EARLY = {
  id: 'X', date: '2024-03-05', title: 'China and Pakistan renew their friendship',
  text: 'China and Pakistan reaffirmed their all-weather friendship and signed new agreements. Beijing praised the trust between the two nations.',
};
/** Same id and date, different words: the copy with the smaller content hash counts. */
const SAME_DAY = [
  { id: 'Y', date: '2024-04-02', title: 'India and China hold talks', text: 'India and China held border talks in Beijing and agreed to meet again.' },
  { id: 'Y', date: '2024-04-02', title: 'India and China hold talks', text: 'India accused China of bad faith as border talks in Beijing broke down.' },
];
/** A copy of X with no date: skipped as undated, it does not compete with the dated copies. */
const UNDATED = { id: 'X', title: 'China and Pakistan', text: 'China and Pakistan distrust each other over the corridor.' };
const OTHER = { id: 'Z', date: '2024-03-07', title: 'India and Pakistan talk', text: 'India and Pakistan agreed to restore their trade ties after talks in Delhi.' };

const lines = (...docs: object[]) => `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`;

describe('a repeated id with different content', () => {
  let dir: string;
  let a: string;
  let b: string;
  const out = (name: string) => join(dir, name);
  beforeAll(async () => {
    dir = tempDir('repeated-id');
    [a, b] = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
    writeFileSync(a, lines(LATE, SAME_DAY[0] as object, OTHER));
    writeFileSync(b, lines(EARLY, SAME_DAY[1] as object, UNDATED));
    for (const jobs of [1, 2]) {
      await run({ inputs: [a, b], out: out(`ab-${jobs}`), defaultDate: null, jobs });
      await run({ inputs: [b, a], out: out(`ba-${jobs}`), defaultDate: null, jobs });
    }
    await run({ inputs: [a], out: out('shard-a'), defaultDate: null });
    await run({ inputs: [b], out: out('shard-b'), defaultDate: null });
    await merge({ shards: [out('shard-a'), out('shard-b')], out: out('merged-ab') });
    await merge({ shards: [out('shard-b'), out('shard-a')], out: out('merged-ba') });
  }, 60_000);

  it('gives byte-identical files in both orders, with --jobs 1 and 2, and merged from shards both ways', () => {
    const reference = out('ab-1');
    expect(outputFiles(reference)).toEqual(expect.arrayContaining(['documents.jsonl', 'sentences.jsonl', 'skipped.jsonl', 'state.jsonl', 'origins.jsonl', 'report.md']));
    for (const other of ['ba-1', 'ab-2', 'ba-2', 'merged-ab', 'merged-ba']) {
      // Every file, skipped.jsonl and origins.jsonl too: the shards read the same files as the runs.
      expect(differingOutputs(out(other), reference), other).toEqual([]);
    }
  });

  it('counts the earlier-dated copy and reports the later one, naming where both were read', () => {
    const records = jsonl<DocumentRecord>(join(out('ab-1'), 'documents.jsonl')).filter((r) => r.id === 'X');
    expect(records.map((r) => [r.date, r.status, r.reason ?? null])).toEqual([
      [null, 'skipped', 'undated'],
      ['2024-03-05', 'scored', null],
      ['2024-03-10', 'skipped', 'duplicate-id'],
    ]);
    const sentences = jsonl<PairSentence>(join(out('ab-1'), 'sentences.jsonl')).filter((s) => s.docId === 'X');
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.every((s) => s.date === EARLY.date && fullText({ ...EARLY, origin: '' }).includes(s.text))).toBe(true);
    const skips = jsonl<SkippedInput>(join(out('ab-1'), 'skipped.jsonl')).filter((s) => s.id === 'X');
    expect(skips).toEqual([
      { origin: `${a}:1`, id: 'X', reason: 'duplicate-id', message: expect.stringContaining(`also read at ${b}:1 (dated ${EARLY.date})`) },
      expect.objectContaining({ origin: `${b}:3`, id: 'X', reason: 'undated' }),
    ]);
  });

  it('breaks a tie of dates by the smaller content hash', () => {
    const [first, second] = SAME_DAY.map((doc) => fingerprint(fullText({ ...doc, origin: '' })).exact) as [string, string];
    expect(first).not.toBe(second);
    const kept = (first < second ? SAME_DAY[0] : SAME_DAY[1]) as (typeof SAME_DAY)[number];
    const reported = first < second ? `${b}:2` : `${a}:2`;
    const sentences = jsonl<PairSentence>(join(out('ab-1'), 'sentences.jsonl')).filter((s) => s.docId === 'Y');
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.every((s) => fullText({ ...kept, origin: '' }).includes(s.text))).toBe(true);
    expect(jsonl<SkippedInput>(join(out('ab-1'), 'skipped.jsonl')).filter((s) => s.id === 'Y').map((s) => s.origin)).toEqual([reported]);
  });

  it('reads a file given twice once, and reports the second reading', async () => {
    await run({ inputs: [a, b, a], out: out('aba'), defaultDate: null });
    for (const file of ['documents.jsonl', 'sentences.jsonl', 'state.jsonl', 'origins.jsonl']) {
      expect(readFileSync(join(out('aba'), file), 'utf8'), file).toBe(readFileSync(join(out('ab-1'), file), 'utf8'));
    }
    const skips = jsonl<SkippedInput>(join(out('aba'), 'skipped.jsonl'));
    expect(skips.filter((s) => s.reason === 'read-twice')).toEqual([expect.objectContaining({ origin: a, id: null })]);
    expect(skips.filter((s) => s.reason !== 'read-twice')).toEqual(jsonl<SkippedInput>(join(out('ab-1'), 'skipped.jsonl')));
  });

  it('counts each id once: the index holds one article for X, as a run of the earlier copy alone', async () => {
    await run({ inputs: [b], out: out('early-alone'), defaultDate: null });
    const cell = (folder: string) =>
      (JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')) as { index: Array<{ pair: string; direction: string; period: string; articles: number; trust: number }> }).index.find(
        (c) => c.pair === 'CN-PK' && c.direction === 'both' && c.period === '2024-03',
      );
    expect(cell(out('ab-1'))).toMatchObject({ articles: 1, trust: cell(out('early-alone'))?.trust });
  });
});
