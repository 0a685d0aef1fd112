import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_CATEGORIES, defaultGazetteer, readCountryNames, readGazetteerEntries } from '../src/actors/gazetteer.js';
import { termKeys } from '../src/actors/termKeys.js';
import { LEADER_OFFICES, compileLeaders, leaderKeys, readLeaderTerms } from '../src/actors/leaders.js';
import { LEXICON_DIR } from '../src/util/paths.js';
import { MAX_WEIGHT, TRUST_DIMENSIONS, entryKeys, loadToneLexicon, loadTrustLexicon, readLexiconTsv } from '../src/score/lexicon.js';
import { MODIFIER_CATEGORIES, loadModifiers } from '../src/score/modifiers.js';
import { type TokenTrie, longestMatch } from '../src/util/trie.js';
import { readTsv } from '../src/util/tsv.js';

function duplicates(keys: string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
}

/** An entry is reachable when matching its own words finds exactly it: two terms that tokenise alike ("visa-free", "visa free") are duplicate keys. */
function reachable<T>(trie: TokenTrie<T>, keys: string[], value: (v: T) => string, expected: string): boolean {
  const match = longestMatch(trie, 0, keys);
  return match !== null && match.end === keys.length && value(match.value) === expected;
}

describe('trust.tsv', () => {
  const path = join(LEXICON_DIR, 'trust.tsv');
  const entries = readLexiconTsv(path, 'dimension');
  const lexicon = loadTrustLexicon();

  it('has the right columns', () => {
    expect(readTsv(path).header).toEqual(['term', 'weight', 'dimension', 'note']);
  });
  it('has no duplicate terms', () => {
    expect(duplicates(entries.map((e) => e.term))).toEqual([]);
  });
  it('has weights in range, known dimensions and a note on every line', () => {
    const bad = entries.filter(
      (e) => !Number.isFinite(e.weight) || Math.abs(e.weight) > MAX_WEIGHT || !TRUST_DIMENSIONS.has(e.dimension) || !e.note,
    );
    expect(bad.map((e) => e.origin)).toEqual([]);
  });
  it('can reach every entry, multi-word ones included', () => {
    const unreachable = entries.filter((e) => !reachable(lexicon.trie, entryKeys(e.term), (v) => v.term, e.term));
    expect(unreachable.map((e) => `${e.origin} ${e.term}`)).toEqual([]);
  });
  it('is a real lexicon, not a stub', () => {
    expect(entries.length).toBeGreaterThanOrEqual(900);
    expect(entries.filter((e) => e.term.includes(" ")).length).toBeGreaterThanOrEqual(300);
  });
});

describe('tone.tsv', () => {
  const path = join(LEXICON_DIR, 'tone.tsv');
  const entries = readLexiconTsv(path, 'category');
  it('has no duplicates, weights in range and known categories', () => {
    expect(duplicates(entries.map((e) => e.term))).toEqual([]);
    const bad = entries.filter((e) => Math.abs(e.weight) > MAX_WEIGHT || !['news', 'neutral', 'emoticon'].includes(e.dimension) || !e.note);
    expect(bad.map((e) => e.origin)).toEqual([]);
    expect(entries.filter((e) => e.dimension === 'neutral').every((e) => e.weight === 0)).toBe(true);
  });
  it('overrides AFINN-165', () => {
    const tone = loadToneLexicon();
    const attack = longestMatch(tone.trie, 0, ['attack']);
    expect(attack?.value.weight).toBe(-3);
    expect(attack?.value.origin).toMatch(/tone\.tsv:\d+$/);
  });
});

describe('modifiers.tsv', () => {
  const { entries, trie } = loadModifiers();
  it('has no duplicates, known categories, and factors in [-1, 1.5]', () => {
    expect(duplicates(entries.map((e) => e.term))).toEqual([]);
    expect(entries.filter((e) => !MODIFIER_CATEGORIES.has(e.category)).map((e) => e.term)).toEqual([]);
    expect(entries.filter((e) => !(e.factor >= -1 && e.factor <= 1.5)).map((e) => e.term)).toEqual([]);
  });
  it('can reach every cue', () => {
    const unreachable = entries.filter((e) => e.term !== "n't" && !reachable(trie, entryKeys(e.term), (v) => v.term, e.term));
    expect(unreachable.map((e) => e.term)).toEqual([]);
  });
});

describe('countries.tsv', () => {
  const entries = readGazetteerEntries();
  const names = readCountryNames();
  const gazetteer = defaultGazetteer();

  it('has no duplicate terms, known categories and known codes', () => {
    expect(duplicates(entries.map((e) => e.term))).toEqual([]);
    expect(entries.filter((e) => !GAZETTEER_CATEGORIES.has(e.category)).map((e) => e.origin)).toEqual([]);
    expect(entries.filter((e) => e.code !== '-' && !e.codes.every((c) => names.has(c))).map((e) => e.origin)).toEqual([]);
    expect(entries.filter((e) => !(e.weight >= 0 && e.weight <= 1)).map((e) => e.origin)).toEqual([]);
  });
  it('covers every UN member and observer plus the parties news treats as such', () => {
    expect(names.size).toBe(199);
    for (const code of names.keys()) expect(entries.some((e) => e.code === code && e.category === 'name')).toBe(true);
  });
  it('can reach every term', () => {
    const unreachable = entries.filter((e) => !reachable(gazetteer.trie, termKeys(e.term), (v) => v.term, e.term));
    expect(unreachable.map((e) => `${e.origin} ${e.term}`)).toEqual([]);
  });
});

describe('relationship.tsv', () => {
  const path = join(LEXICON_DIR, 'relationship.tsv');
  const rows = readTsv(path).rows;
  it('has no duplicates and one known category', () => {
    expect(duplicates(rows.map((r) => r.fields.get('term') ?? ''))).toEqual([]);
    expect(rows.every((r) => r.fields.get('category') === 'relationship' && r.fields.get('note'))).toBe(true);
  });
});

describe('months.tsv', () => {
  const path = join(LEXICON_DIR, 'months.tsv');
  const rows = readTsv(path).rows;
  it('has unique lower-case names and months 1 to 12', () => {
    expect(duplicates(rows.map((r) => r.fields.get('term') ?? ''))).toEqual([]);
    expect(rows.every((r) => (r.fields.get('term') ?? '') === (r.fields.get('term') ?? '').toLowerCase())).toBe(true);
    expect(rows.every((r) => [...Array(12).keys()].map((i) => String(i + 1)).includes(r.fields.get('month') ?? ''))).toBe(true);
  });
});

describe('given-names.tsv', () => {
  const path = join(LEXICON_DIR, 'given-names.tsv');
  const rows = readTsv(path).rows;
  it('lists country names only, once each', () => {
    const terms = rows.map((r) => r.fields.get('term') ?? '');
    expect(duplicates(terms)).toEqual([]);
    const gazetteer = readGazetteerEntries();
    expect(terms.filter((t) => !gazetteer.some((e) => e.term === t && e.code !== '-'))).toEqual([]);
  });
});

describe('leaders.tsv', () => {
  const terms = readLeaderTerms();
  const names = readCountryNames();
  const trie = compileLeaders(terms);
  const day = /^\d{4}-\d{2}-\d{2}$/;

  it('has the right columns', () => {
    expect(readTsv(join(LEXICON_DIR, 'leaders.tsv')).header).toEqual(['name', 'alone', 'code', 'category', 'weight', 'from', 'to', 'note']);
  });
  it('has no repeated term, known codes and offices, weights in range, and a note on every line', () => {
    expect(duplicates(terms.map((t) => `${t.name} ${t.office} ${t.from}`))).toEqual([]);
    const bad = terms.filter((t) => !names.has(t.code) || !LEADER_OFFICES.has(t.office) || !(t.weight > 0 && t.weight <= 1));
    expect(bad.map((t) => t.origin)).toEqual([]);
  });
  it('has real dates, each term ending after it starts', () => {
    const bad = terms.filter((t) => !day.test(t.from) || Number.isNaN(Date.parse(t.from)) || (t.to !== null && (!day.test(t.to) || t.to <= t.from)));
    expect(bad.map((t) => t.origin)).toEqual([]);
  });
  it('never has one person in the same office twice at once', () => {
    const overlapping = terms.filter((a) =>
      terms.some((b) => a !== b && a.name === b.name && a.code === b.code && a.office === b.office && a.from < (b.to ?? '9999') && b.from < (a.to ?? '9999')),
    );
    expect(overlapping.map((t) => t.origin)).toEqual([]);
  });
  it('can reach every name and short form', () => {
    const unreachable = terms.filter((t) =>
      [t.name, ...(t.alone ? [t.alone] : [])].some((name) => {
        const match = longestMatch(trie, 0, leaderKeys(name));
        return match === null || match.end !== leaderKeys(name).length || ![...match.value.full, ...match.value.alone].includes(t);
      }),
    );
    expect(unreachable.map((t) => t.origin)).toEqual([]);
  });
  it('covers the heads of state or government of the G20 and thirty more countries', () => {
    const covered = new Set(terms.filter((t) => t.office !== 'foreign-minister').map((t) => t.code));
    for (const code of ['AR', 'AU', 'BR', 'CA', 'CN', 'DE', 'FR', 'GB', 'ID', 'IN', 'IT', 'JP', 'KR', 'MX', 'RU', 'SA', 'TR', 'US', 'ZA']) {
      expect(covered.has(code), code).toBe(true);
    }
    expect(covered.size).toBeGreaterThanOrEqual(49);
  });
});

describe('other-senses.tsv', () => {
  const path = join(LEXICON_DIR, 'other-senses.tsv');
  const rows = readTsv(path).rows;
  const terms = new Set(readGazetteerEntries().filter((e) => e.code !== '-').map((e) => e.term));
  it('names gazetteer terms, with no repeated cue', () => {
    expect(rows.filter((r) => !terms.has(r.fields.get('term') ?? '')).map((r) => r.line)).toEqual([]);
    expect(duplicates(rows.map((r) => `${r.fields.get('term')} ${r.fields.get('cue')}`))).toEqual([]);
    expect(rows.every((r) => r.fields.get('note'))).toBe(true);
  });
});
