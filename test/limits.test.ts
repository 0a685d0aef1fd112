import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_COUNTRIES_PAIRED, pairsOf } from '../src/actors/pairs.js';
import { defaultGazetteer } from '../src/actors/gazetteer.js';
import { run } from '../src/api/run.js';
import { analyzeDocument } from '../src/pipeline/pipeline.js';
import { defaultScorer } from '../src/score/scoreSentence.js';
import { dayInRange, latestDay } from '../src/ingest/dates.js';
import type { DocumentRecord, SkippedInput } from '../src/types/document.js';
import { jsonl, tempDir } from './helpers.js';

const PAIR_TEXT = 'China and Pakistan signed a deal of friendship and trust.';

function corpus(dir: string, name: string, records: object[]): string {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n'));
  return path;
}

describe('dates outside 1900 … a year from now', () => {
  it('the range is closed at both ends', () => {
    const today = new Date(Date.UTC(2026, 0, 15));
    expect(latestDay(today)).toBe('2027-01-15');
    expect(dayInRange('1900-01-01', today)).toBe(true);
    expect(dayInRange('1899-12-31', today)).toBe(false);
    expect(dayInRange('2027-01-15', today)).toBe(true);
    expect(dayInRange('2027-01-16', today)).toBe(false);
    expect(dayInRange('9999-12-31', today)).toBe(false);
  });

  it('a document dated 9999-12-31 or 1066-10-14 is skipped with a reason, by week too, and the rest is indexed', async () => {
    const dir = tempDir('dates');
    const input = corpus(dir, 'news.jsonl', [
      { id: 'far', date: '9999-12-31', text: PAIR_TEXT },
      { id: 'old', date: '1066-10-14', text: PAIR_TEXT },
      { id: 'ok', date: '2024-01-03', text: PAIR_TEXT },
    ]);
    const out = join(dir, 'out');
    const summary = await run({ inputs: [input], out, defaultDate: null, index: { period: 'week' } });
    expect(summary.counts.scored).toBe(1);
    const skipped = jsonl<SkippedInput>(join(out, 'skipped.jsonl'));
    expect(skipped.map((s) => [s.id, s.reason])).toEqual([['far', 'date-out-of-range'], ['old', 'date-out-of-range']]);
    expect(skipped[0]?.message).toContain('9999-12-31');
    expect(jsonl<DocumentRecord>(join(out, 'documents.jsonl')).find((d) => d.id === 'far')?.reason).toBe('date-out-of-range');
  });
});

describe('a sentence that lists many countries', () => {
  const names = defaultGazetteer().names;
  const countries = [...names.values()].slice(0, 120);

  it('names more than eight: its mentions count, it forms no pairs', () => {
    const text = `Delegates from ${countries.join(', ')} signed the accord on trust and cooperation.`;
    const analysis = analyzeDocument({ id: 'list', date: '2024-01-03', title: '', text, origin: 'test' }, defaultScorer());
    expect(analysis.record.countries.length).toBeGreaterThan(MAX_COUNTRIES_PAIRED * 10);
    expect(analysis.record.pairs).toEqual([]);
    expect(analysis.sentences).toEqual([]);
  });

  it('names eight: every pair among them', () => {
    expect(pairsOf(['CN', 'PK', 'IN', 'US', 'JP', 'KR', 'FR', 'DE'])).toHaveLength(28);
    expect(pairsOf(['CN', 'PK', 'IN', 'US', 'JP', 'KR', 'FR', 'DE', 'GB'])).toEqual([]);
  });
});
