import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/aggregate/random.js';
import { BandTable } from '../src/aggregate/bandTable.js';
import { DuplicateIndex } from '../src/aggregate/duplicates.js';
import { encodeMinhash, estimatedJaccard, fingerprint, shingleHash } from '../src/text/fingerprint.js';
import { run } from '../src/api/run.js';
import { RunAggregator } from '../src/aggregate/runAggregator.js';
import { DEFAULT_INDEX_OPTIONS } from '../src/aggregate/pairPeriodIndex.js';
import { analyzeDocument, fullText } from '../src/pipeline/pipeline.js';
import { prepareDocument } from '../src/pipeline/preparedDocument.js';
import { defaultScorer } from '../src/score/scoreSentence.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonl, shuffled, tempDir } from './helpers.js';
import type { DocumentRecord } from '../src/types/document.js';

const STORY =
  'Chinese engineers working on a dam in northern Pakistan were killed when a car bomb struck their convoy on Tuesday, ' +
  'officials said. Beijing demanded that Islamabad find and punish the attackers and step up protection for Chinese ' +
  'workers on corridor projects. Pakistan promised a full investigation and said the security of Chinese nationals ' +
  'remained its highest priority, while analysts warned that the attack would deepen mistrust between the two allies.';

/** Five lightly edited copies, as syndication produces: a changed word, a dropped clause, a new dateline. */
const COPIES = [
  STORY,
  `ISLAMABAD — ${STORY}`,
  STORY.replace('on Tuesday', 'on Tuesday morning').replace('officials said', 'police officials said'),
  STORY.replace(', while analysts warned that the attack would deepen mistrust between the two allies', ''),
  STORY.replace('highest priority', 'top priority').replace('step up', 'increase'),
];

/** FNV-1a, 32 bits, over a whole string: the reference the shingle hash must agree with. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

describe('fingerprint', () => {
  it('hashes a shingle as FNV-1a of its words joined by spaces, without joining them', () => {
    // Published FNV-1a test vectors (Fowler, Noll, Vo): "a" and "foobar".
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    const words = ['pakistan', 'and', 'china', 'signed', 'accords'];
    for (let i = 0; i + 3 <= words.length; i += 1) expect(shingleHash(words, i)).toBe(fnv1a(words.slice(i, i + 3).join(' ')));
  });

  it('gives the signature earlier versions stored, so cached fingerprints stay comparable', () => {
    const print = fingerprint(
      'Chinese engineers working on a dam in northern Pakistan were killed when a car bomb struck their convoy on ' +
        'Tuesday, officials said, and Beijing demanded protection.',
    );
    expect(print.exact).toBe('a6403b9e19db7abd530f02666e19aa3ab042d04d');
    expect([...print.minhash.slice(0, 4)]).toEqual([62948883, 387282867, 63374719, 612846332]);
    expect(encodeMinhash(print.minhash).slice(0, 40)).toBe('E4bAA7N3FRd/BccD/EqHJA5uFQFWPX8aaWmGAvaU');
  });

  it('computes each slot as the least h1 + slot·h2 (mod 2^32) over the shingles, in plain unsigned arithmetic', () => {
    const mix = (hash: number) => {
      let h = hash;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return (h ^ (h >>> 16)) >>> 0;
    };
    for (const text of [...COPIES, STORY.toUpperCase().split(' ').reverse().join(' ')]) {
      const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
      const reference = new Array<number>(64).fill(0xffffffff);
      for (let i = 0; i + 3 <= words.length; i += 1) {
        const h1 = shingleHash(words, i);
        const h2 = (mix(h1) | 1) >>> 0;
        for (let slot = 0; slot < 64; slot += 1) reference[slot] = Math.min(reference[slot] as number, (h1 + slot * h2) % 2 ** 32);
      }
      expect([...fingerprint(text).minhash]).toEqual(reference);
    }
  });

  it('is equal for exact copies whatever the spacing and case', () => {
    expect(fingerprint('China and Pakistan met.').exact).toBe(fingerprint('  china AND pakistan\nmet ').exact);
  });

  it('estimates high similarity for edited copies and low for different stories', () => {
    const a = fingerprint(COPIES[0] as string).minhash;
    for (const copy of COPIES.slice(1)) expect(estimatedJaccard(a, fingerprint(copy).minhash)).toBeGreaterThan(0.6);
    const other = fingerprint(
      'Japan and South Korea agreed to restore their intelligence pact and to resume regular visits by their leaders, ' +
        'ending a dispute over export controls that had lasted four years and hurt trade in chips and chemicals.',
    ).minhash;
    expect(estimatedJaccard(a, other)).toBeLessThan(0.2);
  });
});

describe('BandTable', () => {
  it('agrees with a Map on 30-bit keys as it grows, overwrites and misses', () => {
    const table = new BandTable();
    const reference = new Map<number, number>();
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 2);
    for (let i = 0; i < 50_000; i += 1) {
      // Keys from a small range half the time, so many are set again.
      const key = i % 2 === 0 ? next() & 0x3fffffff : next() % 5_000;
      table.set(key, i);
      reference.set(key, i);
    }
    for (const [key, value] of reference) expect(table.get(key)).toBe(value);
    expect(table.get(0x3fffffff)).toBe(reference.get(0x3fffffff) ?? -1);
    for (let key = 5_000; key < 5_100; key += 1) expect(table.get(key)).toBe(reference.get(key) ?? -1);
  });
});

describe('DuplicateIndex', () => {
  it('folds every copy into the earliest, whatever the input order', () => {
    const dates = ['2024-03-28', '2024-03-27', '2024-03-29', '2024-03-27', '2024-03-30'];
    const index = new DuplicateIndex();
    COPIES.forEach((text, i) => index.add(`copy-${i}`, dates[i] as string, fingerprint(text)));
    index.add('other', '2024-03-27', fingerprint('A different story about Canada and India restoring their high commissioners.'));
    const folded = index.folded();
    expect(folded.map((f) => f.id)).toEqual(['copy-0', 'copy-2', 'copy-3', 'copy-4']);
    expect(new Set(folded.map((f) => f.keptId))).toEqual(new Set(['copy-1']));
  });

  it('keeps finding copies beyond its first thousand documents, as its arrays grow', () => {
    const index = new DuplicateIndex();
    const story = (n: number) => `Report ${n}: ${STORY.replace('Tuesday', `day ${n}`)} Filed as number ${n} of the series.`;
    // 2,500 different stories, long enough to carry a MinHash signature: every shingle holds the story's number.
    const filler = (n: number) => Array.from({ length: 16 }, (_, k) => `word${k} story${n}part${k}`).join(' ');
    for (let n = 0; n < 2500; n += 1) index.add(`doc-${String(n).padStart(4, '0')}`, '2024-03-01', fingerprint(filler(n)));
    index.add('late-a', '2024-03-02', fingerprint(story(1)));
    index.add('late-b', '2024-03-03', fingerprint(`ISLAMABAD — ${story(1)}`));
    index.add('late-c', '2024-03-02', fingerprint(story(1)));
    index.add('late-far', '2024-05-02', fingerprint(`${story(1)} Updated in May.`));
    expect(index.folded()).toEqual([
      { id: 'late-b', keptId: 'late-a', kind: 'near' },
      { id: 'late-c', keptId: 'late-a', kind: 'exact' },
    ]);
  });

  it('groups exact copies on different days with the near copies of any of those days, whichever arrives first', () => {
    // "a" and "a2" are exact copies nine days apart; "b" is a near copy a day from "a2" only.
    const docs: Array<[string, string, string]> = [
      ['a', '2024-03-01', STORY], ['a2', '2024-03-10', STORY], ['b', '2024-03-09', `ISLAMABAD — ${STORY}`],
      ['other', '2024-03-09', 'A different story about Canada and India restoring their high commissioners.'],
    ];
    const folded = (order: typeof docs) => {
      const index = new DuplicateIndex();
      for (const [id, date, text] of order) index.add(id, date, fingerprint(text));
      return index.folded();
    };
    const expected = [{ id: 'a2', keptId: 'a', kind: 'exact' }, { id: 'b', keptId: 'a', kind: 'near' }];
    expect(folded(docs)).toEqual(expected);
    expect(folded([docs[1], docs[3], docs[0], docs[2]] as typeof docs)).toEqual(expected);
  });

  it('folds a random corpus of chained near copies alike in every order', () => {
    const random = seededRandom(7);
    // Each story drifts a word at a time, so early and late versions are not near each other but are chained.
    const words = STORY.split(' ');
    const docs: Array<[string, string, string]> = [];
    for (let story = 0; story < 6; story += 1) {
      const version = [...words];
      for (let n = 0; n < 8; n += 1) {
        for (let k = 0; k < 4; k += 1) version[Math.floor(random() * version.length)] = `s${story}w${n}k${k}`;
        const text = random() < 0.2 && docs.length > 0 ? (docs.at(-1) as [string, string, string])[2] : version.join(' ');
        docs.push([`d${story}-${n}`, `2024-03-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`, text]);
      }
    }
    const folded = (order: typeof docs) => {
      const index = new DuplicateIndex();
      for (const [id, date, text] of order) index.add(id, date, fingerprint(text));
      return JSON.stringify(index.folded());
    };
    const reference = folded(docs);
    expect(JSON.parse(reference).length).toBeGreaterThan(5);
    for (let i = 0; i < 20; i += 1) expect(folded(shuffled(docs, random))).toBe(reference);
  });

  it('counts one copy of a repeated id, the earliest dated, and folds the near copies of its other copies into it, in any order', () => {
    const docs: Array<[string, string, string]> = [
      ['x', '2024-03-10', STORY],
      ['x', '2024-03-05', 'A different story about Canada and India restoring their high commissioners.'],
      // A near copy of x's later copy only: x is one story, so it is folded into x.
      ['copy', '2024-03-11', `ISLAMABAD — ${STORY}`],
      ['x', '2024-03-20', 'A third text under the same id, about trade between Japan and Korea.'],
    ];
    const resolved = (order: typeof docs) => {
      const index = new DuplicateIndex();
      for (const [id, date, text] of order) index.add(id, date, fingerprint(text), `${id} ${date}`);
      const { folded, repeats } = index.resolve();
      const date = (doc: number) => (order[doc] as [string, string, string])[1];
      return { folded: [...folded.values()], repeats: [...repeats].map(([doc, first]) => `${date(doc)} of ${date(first)}`).sort() };
    };
    const expected = { folded: [{ id: 'copy', keptId: 'x', kind: 'near' }], repeats: ['2024-03-10 of 2024-03-05', '2024-03-20 of 2024-03-05'] };
    expect(resolved(docs)).toEqual(expected);
    expect(resolved([docs[2], docs[3], docs[0], docs[1]] as typeof docs)).toEqual(expected);
    expect(resolved([docs[1], docs[0], docs[3], docs[2]] as typeof docs)).toEqual(expected);
  });

  it('marks exact copies as exact', () => {
    const index = new DuplicateIndex();
    index.add('a', '2024-01-01', fingerprint(STORY));
    index.add('b', '2024-01-02', fingerprint(STORY));
    expect(index.folded()).toEqual([{ id: 'b', keptId: 'a', kind: 'exact' }]);
  });
});

describe('a run with syndicated copies', () => {
  it('counts one story in five copies as one article', async () => {
    const dir = tempDir('dups');
    const file = join(dir, 'news.jsonl');
    writeFileSync(file, COPIES.map((text, i) => JSON.stringify({ id: `c${i}`, date: `2024-03-2${6 + (i % 3)}`, text })).join('\n'));
    const out = join(dir, 'out');
    const summary = await run({ inputs: [file], out, defaultDate: null });
    expect(summary.counts.duplicates).toBe(4);
    const cell = summary.index.find((c) => c.pair === 'CN-PK');
    expect(cell?.articles).toBe(1);
    const copies = jsonl<DocumentRecord>(join(out, 'documents.jsonl')).filter((d) => d.status === 'duplicate');
    expect(copies.map((d) => d.duplicateOf)).toEqual(['c0', 'c0', 'c0', 'c0']);
  });
});

describe('the aggregator', () => {
  const dated = (id: string, text: string, date: string) => ({ id, date, text, title: '', origin: `${id}.txt` });
  const docs = [
    ...COPIES.map((text, i) => dated(`c${i}`, text, `2024-03-2${6 + (i % 3)}`)),
    dated('exact', STORY, '2024-03-29'),
    dated('other', 'India and Canada agreed to restore their trade talks after a year of strained relations.', '2024-04-02'),
  ];

  /** The result and the records a sink is given, with the documents added in `order`. */
  async function finished(order: typeof docs) {
    const aggregator = new RunAggregator(tempDir('aggregator'));
    for (const doc of order) await aggregator.addDocument(prepareDocument(analyzeDocument(doc, defaultScorer()), fingerprint(fullText(doc)), doc.origin));
    await aggregator.addSkippedRecord({ id: 'undated', date: null, title: '', status: 'skipped', reason: 'undated', sentences: 0, countries: [], pairs: [] });
    const records: DocumentRecord[] = [];
    const result = await aggregator.finish(DEFAULT_INDEX_OPTIONS, 1, { records: (all) => void records.push(...[...all].map((r) => r.record)), skipped: () => undefined });
    return { result: JSON.stringify(result), records };
  }

  it('gives the same counts, index and records whatever order the documents arrive in', async () => {
    const forward = await finished(docs);
    const backward = await finished([...docs].reverse());
    expect(backward.result).toBe(forward.result);
    expect(backward.records).toEqual(forward.records);
    expect(forward.records.map((r) => `${r.id} ${r.status}`)).toEqual([
      'undated skipped', 'c0 scored', 'c3 duplicate', 'c1 duplicate', 'c4 duplicate', 'c2 duplicate', 'exact duplicate', 'other scored',
    ]);
    expect(JSON.parse(forward.result).counts).toMatchObject({ scored: 2, duplicates: 5, skipped: 0 });
  });
});
