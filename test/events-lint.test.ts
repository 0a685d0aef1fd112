import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCameo } from '../src/events/cameo.js';
import { loadEventLexicon, patternProblem, readEventEntries } from '../src/events/eventLexicon.js';
import { findEvents } from '../src/events/findEvents.js';
import { loadIrregularVerbs } from '../src/events/irregularVerbs.js';
import { loadVenueCues } from '../src/events/venues.js';
import { LEXICON_DIR } from '../src/util/paths.js';
import { TRUST_DIMENSIONS } from '../src/score/lexicon.js';
import { readTsv } from '../src/util/tsv.js';

/** An entry may part from its code's Goldstein weight by this much, with a reason in its note. */
const MAX_DEPARTURE = 3;

describe('cameo.tsv', () => {
  const cameo = loadCameo();
  it('has every root category once, weights on the Goldstein scale and known dimensions', () => {
    const roots = [...cameo.values()].filter((c) => c.code === c.root).map((c) => c.code);
    expect(roots).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    const bad = [...cameo.values()].filter((c) => !(Math.abs(c.goldstein) <= 10) || !TRUST_DIMENSIONS.has(c.dimension) || !c.code.startsWith(c.root));
    expect(bad.map((c) => c.code)).toEqual([]);
  });
});

describe('events.tsv', () => {
  const path = join(LEXICON_DIR, 'events.tsv');
  const cameo = loadCameo();
  const entries = readEventEntries(path, cameo);
  const lexicon = loadEventLexicon();

  it('has the right columns', () => {
    expect(readTsv(path).header).toEqual(['pattern', 'code', 'weight', 'voice', 'note']);
  });
  it('has no duplicate patterns and every pattern well formed', () => {
    const seen = new Set<string>();
    const repeated = entries.filter((e) => (seen.has(e.pattern) ? true : (seen.add(e.pattern), false)));
    expect(repeated.map((e) => `${e.origin} ${e.pattern}`)).toEqual([]);
    expect(entries.filter((e) => patternProblem(e.pattern) !== null).map((e) => e.origin)).toEqual([]);
  });
  it('writes no hyphen: English words are split at hyphens, so "cease-fire" could never match', () => {
    expect(entries.filter((e) => e.pattern.includes('-')).map((e) => `${e.origin} ${e.pattern}`)).toEqual([]);
  });
  it('weighs each entry near its code\'s Goldstein weight and names the code in its note', () => {
    const bad = entries.filter((e) => Math.abs(e.weight - (cameo.get(e.code)?.goldstein ?? Number.NaN)) > MAX_DEPARTURE || !e.note.includes(e.code));
    expect(bad.map((e) => `${e.origin} ${e.pattern}`)).toEqual([]);
  });
  it('can reach every entry: its own words find it', () => {
    const unreachable = entries.filter((e) => {
      const keys = e.pattern.split(' ').filter((w) => w !== '*');
      const [found] = findEvents(keys, keys.map(() => 0), lexicon);
      return !(found && found.start === 0 && found.end === keys.length && found.entry.pattern === e.pattern);
    });
    expect(unreachable.map((e) => `${e.origin} ${e.pattern}`)).toEqual([]);
  });
  it('covers all twenty CAMEO roots, with thousands of patterns', () => {
    const roots = new Set(entries.map((e) => e.root));
    expect([...roots].sort()).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(entries.length).toBeGreaterThanOrEqual(3000);
    for (const root of roots) expect(entries.filter((e) => e.root === root).length, `root ${root}`).toBeGreaterThanOrEqual(40);
  });
});

describe('irregular-verbs.tsv and venues.tsv', () => {
  it('list each verb and each venue word once', () => {
    const verbs = readTsv(join(LEXICON_DIR, 'irregular-verbs.tsv')).rows.map((r) => r.fields.get('base'));
    expect(verbs.length).toBe(loadIrregularVerbs().size);
    const venues = readTsv(join(LEXICON_DIR, 'venues.tsv')).rows.map((r) => r.fields.get('term'));
    expect(venues.length).toBe(loadVenueCues().size);
  });
});
