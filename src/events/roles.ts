import type { CountryMention, Token } from '../types/sentence.js';
import type { EventMatch } from './findEvents.js';

/** A country named in a sentence, at tokens [start, end) and characters [from, to). */
export interface ActorSpan {
  code: string;
  start: number;
  end: number;
  from: number;
  to: number;
  /** Gazetteer category (name, demonym, capital, proxy…). */
  category: string;
  /** A name in an oblique case (Russian): no subject. */
  oblique?: boolean;
}

/** Who acts and who is acted on; a mutual event lists both sides in both. */
export interface EventRoles {
  sources: string[];
  targets: string[];
  mutual: boolean;
}

/** A sentence as the role rules read it. */
export interface RoleContext {
  text: string;
  /** The sentence's words as written (capitals tell a name) and their lower-cased keys. */
  tokens: readonly Token[];
  keys: readonly string[];
  clause: readonly number[];
  actors: readonly ActorSpan[];
  /** Words after which "in X"/"at X" names where something happened, not who it happened to (venues.tsv). */
  venueCues: ReadonlySet<string>;
  /** In a language whose function words mark roles (Chinese, Russian): those words by key (roles.tsv); see cueRoles.ts. */
  roleCues?: ReadonlyMap<string, RoleCue>;
}

/** What a function word right before a country says of its part in an event (a language's roles.tsv). */
export type RoleCue = 'object' | 'partner' | 'agent' | 'venue' | 'origin' | 'aside';

/** A subject named this close to the sentence start is the main clause's, even across a comma ("Moscow, which…, expelled"). */
export const SUBJECT_WINDOW = 4;
/** Roots whose events act on a place: "air strikes in Syria" hit Syria (CAMEO 15, 17–20). */
export const PLACE_ACTING_ROOTS: ReadonlySet<string> = new Set(['15', '17', '18', '19', '20']);
/** Roots whose events hand something over (material cooperation, aid): the receiver follows "to". */
const TRANSFER_ROOTS = new Set(['06', '07']);
/** Prepositions after which a country is not a clause's subject. */
const OBLIQUE = new Set(['in', 'at', 'on', 'to', 'from', 'with', 'against', 'near', 'by', 'into', 'inside', 'toward', 'towards', 'over', 'for']);
/** Text between two countries that joins them as one coordinated role: "Russia, China and Iran". */
const COORDINATION = /^(?:\s|,|and|&|the)*$/i;
/**
 * Coordinated names with titles between them: "the Prime Minister of the United Kingdom Gordon Brown and the
 * President of France", "the United States, European Union and Russia". Only capitalised words, "of" and "the"
 * beside the joiner, which must be there: "Russia told China" joins nothing. Word by word, in linear time
 * (as one regular expression, runs of capitals could be split every way: Reuters' upper-case text hung it).
 */
function titledCoordination(between: string): boolean {
  const words = between.split(/[\s,]+/).filter((w) => w !== '');
  return /,|&|\band\b/.test(between) && words.every((w) => TITLE_LINKS.has(w) || /^[A-Z]/.test(w));
}
const TITLE_LINKS = new Set(['and', '&', 'the', 'of']);
/** Capitalised words between two names of one country are one name phrase: "Japanese Prime Minister Yukio Hatoyama". */
const NAME_PHRASE = /^(?:\s|[A-Z][\w.'’-]*)*$/;

/** The word before an actor, skipping "the". */
function wordBefore(ctx: RoleContext, actor: ActorSpan, offset = 0): { key: string | undefined; index: number } {
  let index = actor.start - 1 - offset;
  if (ctx.keys[index] === 'the') index -= 1;
  return { key: ctx.keys[index], index };
}

/**
 * A country named as where something happens: "in"/"at" after a meeting word
 * ("talks in Geneva", "a summit at Beijing"), or a capital or city after
 * "in"/"at" ("in Islamabad"). Such a country is no party to the sentence's
 * events or words.
 *
 * @example
 * // "Talks resumed in Geneva" → Geneva (CH) is a venue.
 */
export function isVenue(keys: readonly string[], venueCues: ReadonlySet<string>, actor: ActorSpan): boolean {
  let index = actor.start - 1;
  if (keys[index] === 'the') index -= 1;
  if (keys[index] !== 'in' && keys[index] !== 'at') return false;
  if (actor.category === 'capital' || actor.category === 'proxy') return true;
  return venueCues.has(keys[index - 1] as string);
}

/** Actors joined to actors[i] by "and"/commas, walking left (−1) or right (+1), i included. */
function coordinated(ctx: RoleContext, i: number, step: -1 | 1): ActorSpan[] {
  const group = [ctx.actors[i] as ActorSpan];
  for (let j = i + step; j >= 0 && j < ctx.actors.length; j += step) {
    const near = group[group.length - 1] as ActorSpan;
    const next = ctx.actors[j] as ActorSpan;
    const between = step < 0 ? ctx.text.slice(next.to, near.from) : ctx.text.slice(near.to, next.from);
    const joined = COORDINATION.test(between) || titledCoordination(between);
    if (!joined && !(next.code === near.code && NAME_PHRASE.test(between))) break;
    group.push(next);
  }
  return group;
}

/**
 * The sentence's country mentions with their token spans (mentions and tokens
 * both in sentence order).
 */
export function actorSpans(mentions: readonly CountryMention[], tokens: readonly Token[]): ActorSpan[] {
  const spans: ActorSpan[] = [];
  let t = 0;
  for (const m of mentions) {
    while (t < tokens.length && (tokens[t] as Token).end <= m.start) t += 1;
    let end = t;
    while (end < tokens.length && (tokens[end] as Token).start < m.end) end += 1;
    spans.push({ code: m.code, start: t, end: Math.max(end, t + 1), from: m.start, to: m.end, category: m.category, ...(m.oblique ? { oblique: true } : {}) });
  }
  return spans;
}

const codes = (actors: readonly ActorSpan[]) => [...new Set(actors.map((a) => a.code))];

/** Words before a gerund whose subject is the object before them: "punished Iran for attacking", "accused Japan of violating". */
const GERUND_LINKS = new Set(['for', 'of']);

/** The subject of an event: the nearest country before it in its clause, else one opening the sentence. */
function subjectOf(ctx: RoleContext, event: EventMatch): string[] {
  let candidate = -1;
  const gerund = GERUND_LINKS.has(ctx.keys[event.start - 1] as string) && (ctx.keys[event.start] as string).endsWith('ing');
  for (let i = ctx.actors.length - 1; i >= 0; i -= 1) {
    const actor = ctx.actors[i] as ActorSpan;
    if (actor.end > event.start) continue;
    if (ctx.clause[actor.start] !== ctx.clause[event.start]) break;
    // "The US ambassador to China criticised…": a country after a preposition modifies the subject, unless it stands
    // right before a noun event as its actor ("in line with American sanctions against Russia").
    const actsOnNoun = actor.end === event.start && actor.category === 'demonym';
    if (!gerund && !actsOnNoun && OBLIQUE.has(wordBefore(ctx, actor).key as string)) continue;
    candidate = i;
    break;
  }
  const first = ctx.actors[0];
  if (candidate < 0 && first && first.start < SUBJECT_WINDOW && first.end <= event.start && !OBLIQUE.has(wordBefore(ctx, first).key as string)) candidate = 0;
  if (candidate < 0) candidate = appositiveSubject(ctx, event);
  return candidate < 0 ? [] : codes(coordinated(ctx, candidate, -1).reverse());
}

/**
 * "Jang Song-thaek, the uncle of North Korean leader Kim Jong-un, meets…": a short opening name, then an
 * appositive between commas, then the event's clause. The appositive says whose the subject is: the
 * actor index of its last country, or −1.
 */
function appositiveSubject(ctx: RoleContext, event: EventMatch): number {
  const opening = ctx.clause[0] as number;
  const head = ctx.clause.indexOf(opening + 1);
  if (head < 0 || head > SUBJECT_WINDOW || ctx.clause[event.start] !== opening + 2) return -1;
  for (let i = ctx.actors.length - 1; i >= 0; i -= 1) if (ctx.clause[(ctx.actors[i] as ActorSpan).start] === opening + 1) return i;
  return -1;
}

/** The agent after "by" in the event's clause ("was seized by Russia", "the invasion of Iraq by the United States"). */
function agentOf(ctx: RoleContext, event: EventMatch): string[] {
  const home = ctx.clause[event.end - 1];
  for (let i = ctx.actors.findIndex((a) => a.start >= event.end); i >= 0 && i < ctx.actors.length; i += 1) {
    const actor = ctx.actors[i] as ActorSpan;
    if (ctx.clause[actor.start] !== home) break;
    if (wordBefore(ctx, actor).key === 'by') return codes(coordinated(ctx, i, 1));
  }
  const by = ctx.keys.indexOf('by', event.start);
  if (by < 0 || ctx.clause[by] !== home) return [];
  const next = ctx.actors.findIndex((a) => a.start > by && a.start <= by + 2);
  return next < 0 ? [] : codes(coordinated(ctx, next, 1));
}

/** "… a project in Guantánamo Province, Cuba.": a clause that is only a country, right after the event's, names the place's country. */
function placeTail(ctx: RoleContext, actor: ActorSpan, home: number): boolean {
  // Clause numbers only grow along the sentence, so the actor is the whole clause when its neighbours lie outside it.
  const clause = ctx.clause[actor.start];
  return clause === home + 1 && ctx.clause[actor.start - 1] !== clause && (actor.end >= ctx.keys.length || ctx.clause[actor.end] !== clause);
}

/** A country after "from" in the event's clause, after the verb. */
function fromCountry(ctx: RoleContext, event: EventMatch): string[] {
  const home = ctx.clause[event.end - 1];
  const i = ctx.actors.findIndex((a) => a.start >= event.end && ctx.clause[a.start] === home && wordBefore(ctx, a).key === 'from');
  return i < 0 ? [] : codes(coordinated(ctx, i, 1));
}

/**
 * The object of an event: the first country after its head in its clause (a
 * country inside a gap counts: "expelled 23 Russian diplomats"), and those
 * coordinated with it. Venues are passed over, unless the pattern's own
 * preposition stands before them ("open an embassy in", "arrive in X for
 * talks") or the event acts on a place and nothing else is named. A clause
 * that is only a country ("in Guantánamo Province, Cuba") still belongs to the
 * event's, and a short name with an appositive ("meets Pranab Mukherjee, the
 * foreign minister of India") gives the appositive's country.
 */
function objectOf(ctx: RoleContext, event: EventMatch, limit: number, skip: ReadonlySet<string>): string[] {
  const home = ctx.clause[event.end - 1] as number;
  let fallback = -1;
  for (let i = 0; i < ctx.actors.length; i += 1) {
    const actor = ctx.actors[i] as ActorSpan;
    if (actor.start <= event.start || skip.has(actor.code)) continue;
    if (actor.start >= limit || (actor.start >= event.end && ctx.clause[actor.start] !== home && !placeTail(ctx, actor, home))) break;
    if (wordBefore(ctx, actor).key === 'by' && actor.start >= event.end) continue;
    // "open an embassy in X", "arrive in X for talks": the pattern's own preposition makes the place its object.
    const before = wordBefore(ctx, actor).index;
    const patternPreposition = before >= event.start && before < event.end && event.entry.pattern.split(' ').includes(ctx.keys[before] as string);
    if (isVenue(ctx.keys, ctx.venueCues, actor) && !patternPreposition) {
      if (fallback < 0) fallback = i;
      continue;
    }
    // "supplying Russian natural gas to Georgia": in a transfer, a demonym inside the gap says where the goods come from;
    // the receiver is the country after "to".
    if (TRANSFER_ROOTS.has(event.entry.root) && actor.end <= event.end && actor.category === 'demonym') {
      const receiver = ctx.actors.findIndex((a) => a.start >= event.end && a.start < limit && ctx.clause[a.start] === home && wordBefore(ctx, a).key === 'to' && !skip.has(a.code));
      if (receiver >= 0) return codes(coordinated(ctx, receiver, 1)).filter((c) => !skip.has(c));
    }
    return codes(coordinated(ctx, i, 1)).filter((c) => !skip.has(c));
  }
  if (fallback >= 0 && PLACE_ACTING_ROOTS.has(event.entry.root)) return [(ctx.actors[fallback] as ActorSpan).code];
  return appositiveObject(ctx, event, limit, skip);
}

/** Words of a name standing as an object before its appositive: "meets with Pranab Mukherjee, the foreign minister of India". */
const OBJECT_NAME = 4;

/** The country of an object's appositive: the event's clause ends a short name after the verb, and the next clause names a country. */
function appositiveObject(ctx: RoleContext, event: EventMatch, limit: number, skip: ReadonlySet<string>): string[] {
  const home = ctx.clause[event.end - 1] as number;
  let end = event.end;
  while (end < ctx.keys.length && ctx.clause[end] === home && end - event.end <= OBJECT_NAME) end += 1;
  if (end === event.end || ctx.clause[end] === home || end - event.end > OBJECT_NAME || end >= limit) return [];
  // Only a person's name stands there ("Pranab Mukherjee"), not a thing the appositive describes ("a security pact, the first…").
  if (ctx.tokens.slice(event.end, end).some((t, i) => !/^\p{Lu}/u.test(t.text) && !(i === 0 && OBLIQUE.has(t.lower)))) return [];
  const actor = ctx.actors.find((a) => a.start >= end && a.start < limit && ctx.clause[a.start] === home + 1 && !skip.has(a.code));
  return actor ? [actor.code] : [];
}

/**
 * Source and target of an event among the sentence's countries, by shallow
 * structure: the subject before the verb acts, the object after it is acted
 * on; a passive ("was attacked by") or a `received` pattern ("received aid
 * from") turns them round; a `mutual` pattern ("signed an agreement") joins
 * its subject and its object, or coordinated subjects ("X and Y signed"),
 * both ways; a `speech` verb has a speaker only (what follows is the
 * speaker's). An object lies before `limit`, where the next event begins
 * ("signs an accord with the EU in defiance of Russia": Russia is the
 * defiance's, not the accord's). Either list may be empty when the sentence
 * does not name it.
 *
 * @example
 * // "Ukrainian bases were seized by Russian forces" → { sources: ['RU'], targets: ['UA'], mutual: false }
 */
export function eventRoles(ctx: RoleContext, event: EventMatch, limit: number = ctx.keys.length): EventRoles {
  const subject = subjectOf(ctx, event);
  const voice = event.entry.voice;
  if (voice === 'speech') return { sources: subject, targets: [], mutual: false };
  const agent = agentOf(ctx, event);
  if (event.passive && voice !== 'mutual') {
    // "… is extradited to the United States from Mexico": with no "by" and no country as subject, "from" names
    // the actor and the object after the verb the target.
    const actor = agent.length > 0 ? agent : subject.length > 0 ? [] : fromCountry(ctx, event);
    const acted = subject.length > 0 ? subject : objectOf(ctx, event, limit, new Set(actor));
    return { sources: actor, targets: acted.filter((c) => !actor.includes(c)), mutual: false };
  }
  const acting = subject.length > 0 ? subject : agent;
  const object = objectOf(ctx, event, limit, new Set(acting));
  if (voice === 'received') return { sources: object.length > 0 ? object : agent, targets: subject, mutual: false };
  if (voice === 'mutual') {
    const sides = [...new Set([...acting, ...object])];
    return sides.length >= 2 ? { sources: sides, targets: sides, mutual: true } : { sources: acting, targets: object, mutual: true };
  }
  return { sources: acting, targets: object, mutual: false };
}
