import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readParadigms, declinedForms } from '../src/actors/declension.js';
import { GAZETTEER_CATEGORIES, readCountryNames, readGazetteerEntries } from '../src/actors/gazetteer.js';
import { gazetteerFor } from '../src/actors/languageGazetteers.js';
import { LEADER_OFFICES, readLeaderTerms } from '../src/actors/leaders.js';
import { termKeys } from '../src/actors/termKeys.js';
import { loadCameo } from '../src/events/cameo.js';
import { ROLE_CUES } from '../src/events/cueRoles.js';
import { patternProblem, readEventEntries } from '../src/events/eventLexicon.js';
import { findEvents } from '../src/events/findEvents.js';
import { keysIn, scorerFor } from '../src/score/languageScorer.js';
import { MAX_WEIGHT, TRUST_DIMENSIONS, readLexiconTsv } from '../src/score/lexicon.js';
import { MODIFIER_CATEGORIES } from '../src/score/modifiers.js';
import { defaultScorer } from '../src/score/scoreSentence.js';
import { foldYo } from '../src/text/russianWords.js';
import { LEXICON_DIR } from '../src/util/paths.js';
import { longestMatch } from '../src/util/trie.js';
import { readTsv } from '../src/util/tsv.js';

/** An entry may part from its code's Goldstein weight by this much, with a reason in its note (as in English). */
const MAX_DEPARTURE = 3;

function repeated(keys: string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
}

// The Chinese and Russian lexicons obey the English ones' rules, on the keys each language looks words up by
// (Russian stems, Chinese words): two entries with the same keys are duplicates, and every entry is found by its own words.
describe.each(['zh', 'ru'] as const)('lexicons/%s', (language) => {
  const dir = join(LEXICON_DIR, language);
  const keysOf = keysIn(language);
  const scorer = scorerFor(language, defaultScorer());
  const names = readCountryNames();
  const cameo = loadCameo();

  it('trust.tsv: right columns, no two entries with the same keys, weights in range, every entry reachable, a real lexicon', () => {
    const path = join(dir, 'trust.tsv');
    expect(readTsv(path).header).toEqual(['term', 'weight', 'dimension', 'note']);
    const entries = readLexiconTsv(path, 'dimension');
    expect(repeated(entries.map((e) => keysOf(e.term).join(' ')))).toEqual([]);
    const bad = entries.filter((e) => !(Math.abs(e.weight) <= MAX_WEIGHT) || !TRUST_DIMENSIONS.has(e.dimension) || !e.note);
    expect(bad.map((e) => e.origin)).toEqual([]);
    const unreachable = entries.filter((e) => {
      const keys = keysOf(e.term);
      const match = longestMatch(scorer.trust.trie, 0, keys);
      return match === null || match.end !== keys.length || match.value.term !== e.term;
    });
    expect(unreachable.map((e) => `${e.origin} ${e.term}`)).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(250);
  });

  it('modifiers.tsv and roles.tsv: known categories and roles, every cue reachable', () => {
    for (const m of scorer.modifiers.entries) {
      expect(MODIFIER_CATEGORIES.has(m.category), m.term).toBe(true);
      const keys = keysOf(m.term);
      expect(longestMatch(scorer.modifiers.trie, 0, keys)?.end, m.term).toBe(keys.length);
    }
    for (const row of readTsv(join(dir, 'roles.tsv')).rows) expect(ROLE_CUES.has(row.fields.get('role') ?? ''), `roles.tsv:${row.line}`).toBe(true);
  });

  it('events.tsv: well formed, near Goldstein with the code named, every pattern reachable, all twenty roots', () => {
    const path = join(dir, 'events.tsv');
    expect(readTsv(path).header).toEqual(['pattern', 'code', 'weight', 'voice', 'note']);
    const entries = readEventEntries(path, cameo);
    expect(entries.filter((e) => patternProblem(e.pattern) !== null).map((e) => e.origin)).toEqual([]);
    const bad = entries.filter((e) => Math.abs(e.weight - (cameo.get(e.code)?.goldstein ?? Number.NaN)) > MAX_DEPARTURE || !e.note.includes(e.code));
    expect(bad.map((e) => `${e.origin} ${e.pattern}`)).toEqual([]);
    const unreachable = entries.filter((e) => {
      const keys = e.pattern.split(' * ').flatMap((segment) => keysOf(segment));
      const [found] = findEvents(keys, keys.map(() => 0), scorer.events);
      return !(found && found.start === 0 && found.end === keys.length);
    });
    expect(unreachable.map((e) => `${e.origin} ${e.pattern}`)).toEqual([]);
    expect(new Set(entries.map((e) => e.root)).size).toBe(20);
    expect(entries.length).toBeGreaterThanOrEqual(400);
  });

  it('countries.tsv: known categories and codes, valid declensions, every form of every term reachable', () => {
    const entries = readGazetteerEntries(dir);
    const paradigms = readParadigms(dir);
    expect(entries.filter((e) => !GAZETTEER_CATEGORIES.has(e.category)).map((e) => e.origin)).toEqual([]);
    expect(entries.filter((e) => e.code !== '-' && !e.codes.every((c) => names.has(c))).map((e) => e.origin)).toEqual([]);
    const gazetteer = gazetteerFor(language);
    const unreachable = entries.filter((e) =>
      declinedForms(e.term, e.forms ?? '', paradigms, e.origin).some((form) => {
        const keys = termKeys(foldYo(form));
        const match = longestMatch(gazetteer.trie, 0, keys);
        return match === null || match.end !== keys.length;
      }),
    );
    expect(unreachable.map((e) => `${e.origin} ${e.term}`)).toEqual([]);
  });

  it('leaders.tsv: known codes and offices, real dates, valid declensions', () => {
    const terms = readLeaderTerms(dir);
    const paradigms = readParadigms(dir);
    const bad = terms.filter((t) => !names.has(t.code) || !LEADER_OFFICES.has(t.office) || !/^\d{4}-\d{2}-\d{2}$/.test(t.from) || (t.to !== null && t.to <= t.from));
    expect(bad.map((t) => t.origin)).toEqual([]);
    for (const t of terms) expect(declinedForms(t.name, t.forms ?? '', paradigms, t.origin).length).toBeGreaterThan(0);
    expect(new Set(terms.filter((t) => t.office !== 'foreign-minister').map((t) => t.code)).size).toBeGreaterThanOrEqual(49);
  });
});
