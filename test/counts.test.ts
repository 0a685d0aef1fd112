import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/api/run.js';
import type { RunCounts } from '../src/aggregate/runAggregator.js';
import type { PairPeriodCounts } from '../src/aggregate/pairPeriodCounts.js';
import type { PairPeriodIndex } from '../src/types/pairIndex.js';
import { CLI, tempDir } from './helpers.js';

const numberAfter = (text: string, pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? Number.NaN);

describe('counts that agree', () => {
  it('tells distinct sentences about a pair from pair-sentences, and counts copies only where it says so', async () => {
    const dir = tempDir('counts');
    const three = 'China, India and Pakistan signed a trade pact in Beijing.';
    const two = 'India and China held talks on the border.';
    const docs = [
      { id: 'a', date: '2024-03-01', text: `${three} ${two} The weather was mild.` },
      // An exact copy: its sentences are read, then folded away with the copy.
      { id: 'b', date: '2024-03-02', text: `${three} ${two} The weather was mild.` },
    ];
    writeFileSync(join(dir, 'news.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n'));
    const { counts } = await run({ inputs: [join(dir, 'news.jsonl')], out: join(dir, 'out'), defaultDate: null });
    // Read: 3 sentences in each of the 2 documents. About a pair, in the document counted: 2 sentences,
    // which make 3 + 1 = 4 pair-sentences (CN-IN, CN-PK, IN-PK from the first; CN-IN from the second).
    expect([counts.sentences, counts.sentencesAboutPairs, counts.pairSentences]).toEqual([6, 2, 4]);
    const report = readFileSync(join(dir, 'out', 'report.md'), 'utf8');
    expect(report).toContain('Sentences read (all documents, copies included): 6; of them naming a country pair, in the documents counted: 2, making 4 pair-sentences');
  });

  it('gives the same pair-periods on the terminal, in the report and in index.json', () => {
    const cwd = tempDir('counts-cli');
    const terminal = execFileSync('node', [CLI, 'run', '--out', 'o'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const report = readFileSync(join(cwd, 'o', 'report.md'), 'utf8');
    const json = JSON.parse(readFileSync(join(cwd, 'o', 'index.json'), 'utf8')) as { counts: RunCounts & PairPeriodCounts; index: PairPeriodIndex[] };
    const { pairPeriods, lowCoverage, directedPairPeriods } = json.counts;
    expect(pairPeriods).toBe(json.index.filter((c) => c.direction === 'both').length);
    expect(pairPeriods + directedPairPeriods).toBe(json.index.length);
    const said = `${pairPeriods} pair-periods (${lowCoverage} with low coverage), and ${directedPairPeriods} of directed dyads`;
    expect(terminal).toContain(said);
    expect(report).toContain(said);
    expect(numberAfter(report, /Coverage: \d+ of (\d+) pair-periods/)).toBe(pairPeriods);
    expect(numberAfter(report, /Coverage: (\d+) of/)).toBe(lowCoverage);
    expect(numberAfter(terminal, /^(\d+) documents/)).toBe(json.counts.documents);
    expect(json.counts.sentencesAboutPairs).toBeLessThanOrEqual(json.counts.sentences);
    expect(json.counts.sentencesAboutPairs).toBeLessThanOrEqual(json.counts.pairSentences);
  });
});
