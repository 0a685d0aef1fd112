import { describe, expect, it } from 'vitest';
import { evalDir, readPortal } from '../src/eval/sharedData.js';
import { scoreSentence } from '../src/score/scoreSentence.js';

/**
 * The role errors that made Russia–Ukraine read well in March 2014, on the
 * portal's own sentences (read from ../shared/eval by id; never copied here).
 * Each expectation is a pair's sign, or that a pair gets nothing.
 */
const CASES: Array<{ id: string; expect: Record<string, 'negative' | 'positive' | 'absent'> }> = [
  // The aid is the United States' to Ukraine; Russia's act is a protest against it.
  { id: 'wcep-2014-03-12-51202', expect: { 'UA-US': 'positive', 'RU-UA': 'negative' } },
  // The accord is with the EU; Russia is the party defied.
  { id: 'wcep-2014-03-21-51281', expect: { 'RU-UA': 'negative' } },
  // Core events that scored nothing: an assault, a military build-up, a price rise on gas.
  { id: 'wcep-2014-03-19-51260', expect: { 'RU-UA': 'negative' } },
  { id: 'wcep-2014-03-13-51207', expect: { 'RU-UA': 'negative' } },
  { id: 'wcep-2014-03-28-51368', expect: { 'RU-UA': 'negative' } },
];

const dir = evalDir();

describe.skipIf(dir === null)('roles on real sentences of the current-events portal', () => {
  if (dir === null) return;
  const portal = new Map(readPortal(dir).map((item) => [item.id, item]));
  for (const { id, expect: wanted } of CASES) {
    it(id, () => {
      const item = portal.get(id);
      expect(item, `${id} is in the corpus`).toBeDefined();
      const reading = scoreSentence(item?.text ?? '', { date: item?.date ?? '' });
      for (const [pair, sign] of Object.entries(wanted)) {
        const trust = reading.pairs.find((p) => p.pair === pair)?.trust;
        if (sign === 'absent') expect(trust, pair).toBeUndefined();
        else if (sign === 'negative') expect(trust, pair).toBeLessThan(0);
        else expect(trust, pair).toBeGreaterThan(0);
      }
    });
  }
});
