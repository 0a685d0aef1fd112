import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCountries } from '../src/actors/findCountries.js';
import { pairsOf } from '../src/actors/pairs.js';
import { tokenizeWords } from '../src/text/words.js';
import { readTsv } from '../src/util/tsv.js';
import { ROOT } from './helpers.js';

interface GoldSentence {
  line: number;
  date: string;
  sentence: string;
  gold: string[];
  rule: string;
}

const gold: GoldSentence[] = readTsv(join(ROOT, 'test', 'fixtures', 'actors-gold.tsv')).rows.map((row) => ({
  line: row.line,
  date: row.fields.get('date') as string,
  sentence: row.fields.get('sentence') as string,
  gold: row.fields.get('gold') === '-' ? [] : (row.fields.get('gold') as string).split(' '),
  rule: row.fields.get('rule') as string,
}));

/** Mentions both lists share, counted with multiplicity. */
function overlap(a: readonly string[], b: readonly string[]): number {
  const left = [...b];
  let shared = 0;
  for (const code of a) {
    const at = left.indexOf(code);
    if (at >= 0) {
      shared += 1;
      left.splice(at, 1);
    }
  }
  return shared;
}

function f1(found: number, expected: number, shared: number): number {
  const precision = shared / found;
  const recall = shared / expected;
  return (2 * precision * recall) / (precision + recall);
}

const results = gold.map((g) => ({ ...g, found: findCountries(g.sentence, tokenizeWords(g.sentence), undefined, { date: g.date }).map((m) => m.code) }));

describe('country detection on our gold sentences', () => {
  it('is a fixture of at least 120 sentences, a fifth of them naming no country', () => {
    expect(gold.length).toBeGreaterThanOrEqual(120);
    expect(gold.filter((g) => g.gold.length === 0).length).toBeGreaterThanOrEqual(24);
  });

  it('scores mention-level F1 of at least 0.97', () => {
    const found = results.reduce((n, r) => n + r.found.length, 0);
    const expected = results.reduce((n, r) => n + r.gold.length, 0);
    const shared = results.reduce((n, r) => n + overlap(r.found, r.gold), 0);
    const wrong = results.filter((r) => overlap(r.found, r.gold) !== r.found.length || r.found.length !== r.gold.length);
    expect(f1(found, expected, shared), wrong.map((r) => `${r.line} ${r.rule}: ${r.found.join(' ')} ≠ ${r.gold.join(' ')}`).join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('scores pair-level F1 of at least 0.97', () => {
    const pairs = results.map((r) => ({ found: pairsOf(r.found), gold: pairsOf(r.gold) }));
    const found = pairs.reduce((n, p) => n + p.found.length, 0);
    const expected = pairs.reduce((n, p) => n + p.gold.length, 0);
    const shared = pairs.reduce((n, p) => n + overlap(p.found, p.gold), 0);
    expect(f1(found, expected, shared)).toBeGreaterThanOrEqual(0.97);
  });

  it('finds no country in the sentences that name none', () => {
    const false_ = results.filter((r) => r.gold.length === 0 && r.found.length > 0);
    expect(false_.map((r) => `${r.line} ${r.rule}: ${r.found.join(' ')}`)).toEqual([]);
  });
});
