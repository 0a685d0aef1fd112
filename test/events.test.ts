import { describe, expect, it } from 'vitest';
import { findCountries } from '../src/actors/findCountries.js';
import { type EventEntry, type Voice, compileEventLexicon, patternProblem, singulars } from '../src/events/eventLexicon.js';
import { findEvents } from '../src/events/findEvents.js';
import { actorSpans, eventRoles, isVenue } from '../src/events/roles.js';
import { sentenceContext } from '../src/score/context.js';
import { loadModifiers } from '../src/score/modifiers.js';
import { tokenizeWords } from '../src/text/words.js';

/** A small lexicon of our own, so these tests check the matcher and the role rules, not the bundled entries. */
function entry(pattern: string, code: string, weight: number, voice: Voice = 'active', root = code.slice(0, 2)): EventEntry {
  return { pattern, code, root, category: `root ${root}`, dimension: 'security', weight, voice, note: 'test', origin: 'test' };
}

const lexicon = compileEventLexicon(
  [
    entry('say', '010', 0, 'speech'),
    entry('seize', '1711', -9.2),
    entry('take control of', '1711', -9.2),
    entry('take', '010', 0),
    entry('shoot down', '190', -10),
    entry('recall * ambassador', '161', -4),
    entry('expel * diplomat', '166', -7),
    entry('sign * agreement', '057', 8, 'mutual'),
    entry('receive * aid from', '070', 7, 'received'),
    entry('attack', '180', -9),
    entry('air strike on', '195', -10),
    entry('sanctions against', '163', -8),
    entry('supply * gas', '061', 6.4),
    entry('in defiance of', '120', -4),
  ],
  new Map([
    ['take', { past: ['took'], participle: ['taken'] }],
    ['shoot', { past: ['shot'], participle: ['shot'] }],
  ]),
);
const modifiers = loadModifiers();
const venueCues = new Set(['talks', 'held']);

/** A sentence read as the pipeline reads it: tokens, clauses, countries, events. */
function read(text: string) {
  const tokens = tokenizeWords(text);
  const keys = tokens.map((t) => t.lower);
  const ctx = sentenceContext(text, tokens, keys, modifiers, []);
  const actors = actorSpans(findCountries(text, tokens), tokens);
  const roleContext = { text, tokens, keys, clause: ctx.clause, actors, venueCues };
  const events = findEvents(keys, ctx.clause, lexicon);
  return { events, roleContext, roles: events.map((e, i) => eventRoles(roleContext, e, events[i + 1]?.start ?? keys.length)) };
}

describe('event patterns', () => {
  it('match every form of the head: regular, irregular past and participle', () => {
    for (const text of ['Russia seizes the port.', 'Russia seized the port.', 'Russia is seizing the port.']) {
      expect(read(text).events.map((e) => e.entry.pattern)).toEqual(['seize']);
    }
    expect(read('Russian jets shot down the plane.').events.map((e) => e.entry.pattern)).toEqual(['shoot down']);
    expect(read('They took control of the airport.').events.map((e) => e.entry.pattern)).toEqual(['take control of']);
  });

  it('fill a gap of up to three words, inside one clause only', () => {
    expect(read('Canada recalled its top ambassador.').events.map((e) => e.entry.pattern)).toEqual(['recall * ambassador']);
    expect(read('Canada recalled, after a week, its ambassador.').events).toEqual([]);
    expect(read('Canada recalled the long serving and popular ambassador.').events).toEqual([]);
  });

  it('prefer the most specific pattern: "take control of" over "take"', () => {
    const [event] = read('Rebels take control of the city.').events;
    expect(event?.entry.pattern).toBe('take control of');
  });

  it('inflect the last word of a pattern too ("agreements")', () => {
    expect(read('The two sides signed three agreements.').events.map((e) => e.entry.pattern)).toEqual(['sign * agreement']);
  });

  it('read a participle after "be", or before "by", as a passive', () => {
    expect(read('The embassy was seized.').events[0]?.passive).toBe(true);
    expect(read('A tanker attacked by Iran sank.').events[0]?.passive).toBe(true);
    expect(read('Iran attacked a tanker.').events[0]?.passive).toBe(false);
  });

  it('lint the shape of a pattern', () => {
    expect(patternProblem('recall * ambassador')).toBeNull();
    expect(patternProblem('* recall')).toMatch(/gap/);
    expect(patternProblem('recall * * envoy')).toMatch(/two gaps/);
    expect(patternProblem('Recall envoy')).toMatch(/lower case/);
  });
});

describe('event roles', () => {
  const roles = (text: string, i = 0) => read(text).roles[i];

  it('subject acts, object is acted on; a country inside a gap is the object', () => {
    expect(roles('India expelled two Canadian diplomats.')).toEqual({ sources: ['IN'], targets: ['CA'], mutual: false });
  });

  it('passive "by" turns the roles round', () => {
    expect(roles('A Malaysian airliner was shot down by Russia.')).toEqual({ sources: ['RU'], targets: ['MY'], mutual: false });
  });

  it('a received pattern: the subject is the target', () => {
    expect(roles('Pakistan received military aid from China.')).toEqual({ sources: ['CN'], targets: ['PK'], mutual: false });
  });

  it('mutual: coordinated subjects, or subject and "with" object, both ways', () => {
    expect(roles('China and Pakistan signed a trade agreement.')).toEqual({ sources: ['CN', 'PK'], targets: ['CN', 'PK'], mutual: true });
    expect(roles('Japan signed an agreement with Australia.')).toEqual({ sources: ['JP', 'AU'], targets: ['JP', 'AU'], mutual: true });
  });

  it('coordinated subjects may carry titles: "the Prime Minister of X … and the President of Y"', () => {
    expect(roles('The Prime Minister of Canada Justin Trudeau and the President of Mexico Enrique Peña Nieto signed a trade agreement.', 0)).toEqual({
      sources: ['CA', 'MX'], targets: ['CA', 'MX'], mutual: true,
    });
    expect(roles('Ministers from Norway, the European Commission and Iceland signed a fisheries agreement.')?.sources).toEqual(['NO', 'IS']);
    // Titles without a joiner are no list: the minister of one country acts on the other.
    expect(roles('The Foreign Minister of Chile Heraldo Muñoz attacked Bolivia.')).toEqual({ sources: ['CL'], targets: ['BO'], mutual: false });
  });

  it('coordinated objects are all targets', () => {
    expect(roles('Russia attacked Georgia and Ukraine.')).toEqual({ sources: ['RU'], targets: ['GE', 'UA'], mutual: false });
  });

  it('a subject after a preposition is passed over ("the US envoy to China")', () => {
    expect(roles('The American ambassador to China attacked Japan in a speech.')?.sources).toEqual(['US']);
  });

  it('a subject\'s appositive names its country ("Li Wei, an envoy of China, …")', () => {
    expect(roles('Li Wei, a senior envoy of China, attacked Japan in a speech.')).toEqual({ sources: ['CN'], targets: ['JP'], mutual: false });
  });

  it('a passive with no "by" and no country as subject: "from" names the actor', () => {
    expect(roles('A senior commander was attacked in Syria from Turkey.')).toEqual({ sources: ['TR'], targets: ['SY'], mutual: false });
    // "by" still wins over "from".
    expect(roles('A convoy from Jordan was attacked by Syria.')).toEqual({ sources: ['SY'], targets: [], mutual: false });
  });

  it('an object\'s appositive names its country, when a name stands as the object', () => {
    expect(roles('Japan attacked Li Wei, a senior envoy of China, in a speech.')).toEqual({ sources: ['JP'], targets: ['CN'], mutual: false });
    // A thing the appositive describes is no object: "an agreement, the first with a country other than the United States".
    expect(roles('Japan and Australia signed an agreement, the first with a nation other than the United States.')).toEqual({ sources: ['JP', 'AU'], targets: ['JP', 'AU'], mutual: true });
  });

  it('a clause that is only a country names the place\'s country ("in Guantánamo Province, Cuba")', () => {
    expect(roles('Japan attacked a base in Kanto Province, China.')).toEqual({ sources: ['JP'], targets: ['CN'], mutual: false });
  });

  it('a number\'s point or comma ends no clause ("1.1 million", "15,000")', () => {
    const { roleContext } = read('Japan attacked 1.1 million tonnes of 15,000 ships of China.');
    expect(new Set(roleContext.clause).size).toBe(1);
  });

  it('in a transfer, a demonym inside the gap is the goods\' origin and the receiver follows "to"', () => {
    expect(roles('Azerbaijan began supplying Russian gas to Georgia.')).toEqual({ sources: ['AZ'], targets: ['GE'], mutual: false });
    expect(roles('Azerbaijan began supplying Russian gas.')).toEqual({ sources: ['AZ'], targets: ['RU'], mutual: false });
  });

  it('a demonym right before a noun event is its actor, even after a preposition', () => {
    expect(roles('Japan will fall in line with American sanctions against Russia.')).toEqual({ sources: ['US'], targets: ['RU'], mutual: false });
  });

  it('the subject of a gerund after "for" is the object before it', () => {
    const { roles: found } = read('The United States punished Iran for attacking a Kuwaiti tanker.');
    expect(found.at(-1)).toEqual({ sources: ['IR'], targets: ['KW'], mutual: false });
  });

  it('an object lies before the next event: "in defiance of Russia" is not the agreement\'s', () => {
    const { roles: found } = read('Ukraine signed an agreement with the European Union in defiance of Russia.');
    expect(found).toEqual([
      { sources: ['UA'], targets: [], mutual: true },
      { sources: ['UA'], targets: ['RU'], mutual: false },
    ]);
  });

  it('a speech verb has a speaker only', () => {
    expect(roles('Russia says the aid is illegal.')).toEqual({ sources: ['RU'], targets: [], mutual: false });
  });

  it('a venue is no object, but a place-acting event may hit it', () => {
    const talks = read('Talks held in Switzerland ended.');
    expect(talks.roleContext.actors.map((a) => isVenue(talks.roleContext.keys, venueCues, a))).toEqual([true]);
    expect(roles('Israel launched an air strike on Hezbollah militants in Syria.')?.targets).toEqual(['SY']);
  });
});

describe('singulars', () => {
  it('gives a plural last word its singular, and leaves words whose -s is no plural', () => {
    expect(['talks', 'hostilities', 'ties', 'sanctions'].map(singulars)).toEqual([['talk'], ['hostility'], ['tie'], ['sanction']]);
    expect(['gas', 'as', 'status', 'crisis', 'press'].map(singulars)).toEqual([[], [], [], [], []]);
  });

  it('lets a pattern written in the plural read the singular', () => {
    const plural = compileEventLexicon([entry('reject * talks', '125', -5)], new Map());
    const keys = 'hamas rejects talk of a truce'.split(' ');
    expect(findEvents(keys, keys.map(() => 0), plural).map((e) => e.entry.pattern)).toEqual(['reject * talks']);
  });
});

describe('words of a country name', () => {
  it('head no event ("the United States would retaliate against")', () => {
    const unite = compileEventLexicon([entry('unite * against', '113', -2)], new Map());
    const keys = 'the united states would retaliate against them'.split(' ');
    expect(findEvents(keys, keys.map(() => 0), unite).map((e) => e.entry.pattern)).toEqual(['unite * against']);
    expect(findEvents(keys, keys.map(() => 0), unite, new Set([1, 2]))).toEqual([]);
  });
});
