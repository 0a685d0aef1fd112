import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/api/run.js';
import type { DocumentRecord } from '../src/types/document.js';
import type { PairSentence } from '../src/types/evidence.js';
import { HAS_SHARED, SEED, jsonl, tempDir } from './helpers.js';

describe.skipIf(!HAS_SHARED)('the seed page, read as it is', () => {
  it('puts CN-PK below neutral in November 2024 and leaves the page furniture out', async () => {
    const out = tempDir('seed');
    const summary = await run({ inputs: [SEED], out, defaultDate: '2024-11-28' });
    const cell = summary.index.find((c) => c.pair === 'CN-PK' && c.direction === 'both' && c.month === '2024-11');
    expect(cell?.index).toBeLessThan(0);
    const sentences = jsonl<PairSentence>(join(out, 'sentences.jsonl'));
    const cnpk = sentences.filter((s) => s.pair === 'CN-PK');
    expect(cnpk.length).toBeGreaterThan(15);
    // The bar: at least 85% of the article's sentences about the pair below zero, and a clearly negative mean.
    expect(cnpk.filter((s) => s.trust < 0).length / cnpk.length).toBeGreaterThanOrEqual(0.85);
    expect(cnpk.reduce((sum, s) => sum + s.trust, 0) / cnpk.length).toBeLessThan(-0.25);
    expect(sentences.some((s) => /appeared first on|opinions expressed|DISCLAIMER/i.test(s.text))).toBe(false);
    // Sentences that only refer back to the pair are attributed to it, marked inherited.
    for (const cue of ['between the two nations', 'As both countries navigate']) {
      expect(cnpk.find((s) => s.text.includes(cue))).toMatchObject({ pair: 'CN-PK' });
    }
    expect(cnpk.find((s) => s.text.startsWith('As both countries navigate'))?.inherited).toBe(true);
    for (const phrase of ["We don’t trust that", 'deep mistrust', 'explicitly rebuffed', 'declined sharply']) {
      const sentence = cnpk.find((s) => s.text.includes(phrase));
      expect(sentence?.trust, phrase).toBeLessThan(0);
    }
    // The Russian navigation and teasers around the article are furniture: none is read, all are counted.
    expect(sentences.some((s) => s.lang !== 'en')).toBe(false);
    expect(summary.counts.boilerplateParagraphs).toBeGreaterThan(50);
  });

  it('dates the page by its "Ноябрь 2024" header without --date', async () => {
    const out = tempDir('seed-undated');
    const summary = await run({ inputs: [SEED], out, defaultDate: null });
    expect(jsonl<DocumentRecord>(join(out, 'documents.jsonl'))[0]).toMatchObject({ date: '2024-11-01', dateRule: 'text-header' });
    expect(summary.index.find((c) => c.pair === 'CN-PK' && c.direction === 'both')?.period).toBe('2024-11');
  });
});
