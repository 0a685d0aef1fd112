import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { field, readTsv } from '../util/tsv.js';
import type { EventMatch } from './findEvents.js';
import { type ActorSpan, type EventRoles, PLACE_ACTING_ROOTS, type RoleContext, type RoleCue, SUBJECT_WINDOW, eventRoles, isVenue } from './roles.js';
export const ROLE_CUES: ReadonlySet<string> = new Set<RoleCue>(['object', 'partner', 'agent', 'venue', 'origin', 'aside']);

/** Read a language's `roles.tsv` (term, role, note) into a map from the term's look-up key to its role. */
export function readRoleCues(dir: string, keysOf: (term: string) => string[]): Map<string, RoleCue> {
  const path = join(dir, 'roles.tsv');
  const cues = new Map<string, RoleCue>();
  if (!existsSync(path)) return cues;
  for (const row of readTsv(path).rows) {
    const role = field(path, row, 'role');
    if (!ROLE_CUES.has(role)) throw new Error(`${path}:${row.line}: unknown role ${role}`);
    const keys = keysOf(field(path, row, 'term'));
    // Multi-word cues ("со стороны") are keyed by their last word, the one right before the country.
    const last = keys.at(-1);
    if (last !== undefined) cues.set(last, role as RoleCue);
  }
  return cues;
}

/** A Chinese word made of a cue and a country's short name (对美, 向日, 与俄): the cue is its first character. */
const HAN_CUE_WORD = /^\p{Script=Han}{2,}$/u;

/**
 * Russian в takes the prepositional for a place ("в Москве") and the accusative for a goal ("прибыл в
 * Москву"): a venue cue before a name in an oblique form (marked by the gazetteer) that is not the
 * prepositional's -е or -и ("Москву", "Украину") is the goal's cue, and the country is the target. A
 * form that does not tell (Перу, США, в Пекин) stays a venue.
 */
const LOCATIVE_ENDING = /[еиЕИ]$/;

function placeOrGoal(ctx: RoleContext, actor: ActorSpan, cue: RoleCue): RoleCue {
  return cue === 'venue' && actor.oblique === true && !LOCATIVE_ENDING.test(ctx.text.slice(actor.from, actor.to)) ? 'object' : cue;
}

/** The cue right before an actor, looking past other actors of a list ("с Китаем и Индией": both partners). */
function cueOf(ctx: RoleContext, actor: ActorSpan, cues: ReadonlyMap<string, RoleCue>): RoleCue | 'none' {
  const word = ctx.tokens[actor.start]?.text ?? '';
  // Only a short form made with a cue (an alias: 对美, 访华), never a country's own name that begins with a cue's character (朝鲜).
  const inWord = HAN_CUE_WORD.test(word) && actor.end === actor.start + 1 && actor.category === 'alias' ? cues.get(word.charAt(0)) : undefined;
  if (inWord) return inWord;
  let member = actor;
  for (;;) {
    const cue = cues.get(ctx.keys[member.start - 1] ?? '');
    if (cue) return placeOrGoal(ctx, actor, cue);
    // The cue of a list is before its first member: walk left over "X, Y и Z", not over "Турции Россия".
    const near = member;
    const listed = ctx.actors.find((a) => a !== near && a.to <= near.from && a.end >= near.start - 1 && joinsList(ctx.text.slice(a.to, near.from)));
    if (!listed) return 'none';
    member = listed;
  }
}

const unique = (actors: readonly ActorSpan[]) => [...new Set(actors.map((a) => a.code))];

/** CAMEO 042/043, a visit made or hosted: where it happens is whom it is paid to. */
const VISITS = new Set(['042', '043']);

/**
 * Whether the place where an event happens is its target: a visit ("Путин прибыл в Пекин с визитом",
 * "习近平在莫斯科进行国事访问"), or force that acts on a place ("удары по позициям талибов в
 * Афганистане"), as the English rule reads "air strikes in Syria"; not a show of force (CAMEO 15:
 * "учения в Китае" are mostly held with China). Talks and summits keep their venue out ("переговоры в
 * Женеве"). Tried and left out, on the Russian sets: a place after a transfer (more unrelated pairs, no
 * sign gained).
 */
function placeIsTarget(event: EventMatch): boolean {
  const { code, root } = event.entry;
  return VISITS.has(code.slice(0, 3)) || (PLACE_ACTING_ROOTS.has(root) && root !== '15');
}

/** What joins the members of a list of countries: commas, the enumeration comma 、, "и", "а также", 和, 及. */
const LIST_JOIN = /^[\s,，、]*(?:и|а также|和|及|以及)?[\s,，、]*$/u;
const JOINER = /[,，、]|и|和|及/u;

/** Whether the text between two countries joins them in a list (a bare space does not: "Турции Россия"). */
function joinsList(between: string): boolean {
  return LIST_JOIN.test(between) && JOINER.test(between);
}

/**
 * The countries of a list that ends at `last`, walking left ("Россия, Китай и Иран провели учения":
 * the commas end clauses, but the three act together).
 */
function listEndingAt(ctx: RoleContext, last: ActorSpan): ActorSpan[] {
  const members = [last];
  for (let i = ctx.actors.indexOf(last) - 1; i >= 0; i -= 1) {
    const before = ctx.actors[i] as ActorSpan;
    const near = members[members.length - 1] as ActorSpan;
    if (!joinsList(ctx.text.slice(before.to, near.from))) break;
    members.push(before);
  }
  return members;
}

/**
 * Roles in a language whose function words mark them (Chinese, Russian):
 * a country right after an `object` cue (对, 向, против) is the target, after a
 * `partner` cue (与, 同, с) the other side of a mutual act, after an `agent` cue
 * (被, со стороны) the actor of a passive, after a `venue` cue (在, в) no party.
 * An unmarked country before the event in its clause is its subject (or, near
 * the sentence start, the main clause's), one after it its object; after an
 * `aside` cue (при посредничестве, в присутствии) a mediator or witness, no party, as in
 * "Россия ввела санкции против США" and "中方对日方的挑衅表示强烈不满".
 *
 * @example
 * // 中国 与 巴基斯坦 签署 协议 (mutual) → { sources: ['CN', 'PK'], targets: ['CN', 'PK'], mutual: true }
 */
export function cueRoles(ctx: RoleContext, event: EventMatch, limit: number, cues: ReadonlyMap<string, RoleCue>): EventRoles {
  const home = ctx.clause[event.start];
  const by: Record<RoleCue | 'subject' | 'after', ActorSpan[]> = { object: [], partner: [], agent: [], venue: [], origin: [], aside: [], subject: [], after: [] };
  for (const actor of ctx.actors) {
    if (actor.start >= limit) continue;
    const cue = cueOf(ctx, actor, cues);
    const before = actor.end <= event.start;
    const inClause = ctx.clause[actor.start] === home;
    if (cue !== 'none') {
      if (inClause || !before) by[cue].push(actor);
    } else if (before && !actor.oblique) {
      if (inClause || actor.start < SUBJECT_WINDOW) by.subject.push(actor);
    } else if (inClause) by.after.push(actor);
  }
  // Of several unmarked countries before the event, those of its own clause speak for it, with the lists they close.
  const ownClause = by.subject.filter((a) => ctx.clause[a.start] === home);
  const subject = unique(ownClause.length > 0 ? ownClause.flatMap((a) => listEndingAt(ctx, a)) : by.subject);
  const voice = event.entry.voice;
  if (voice === 'speech') return { sources: subject, targets: [], mutual: false };
  const marked = unique([...by.object, ...by.after]).filter((c) => !subject.includes(c));
  // With no other target, the venue of a visit or of force acting on a place is it (in the event's clause).
  const visited = marked.length === 0 && placeIsTarget(event) ? unique(by.venue.filter((a) => ctx.clause[a.start] === home)).filter((c) => !subject.includes(c)) : [];
  const object = marked.length > 0 ? marked : visited;
  if (voice === 'mutual') {
    const sides = [...new Set([...subject, ...unique(by.partner), ...object])];
    return { sources: sides, targets: sides, mutual: true };
  }
  const agent = unique(by.agent);
  if (voice === 'received') return { sources: [...new Set([...unique(by.origin), ...agent, ...object])], targets: subject, mutual: false };
  if (agent.length > 0) return { sources: agent, targets: [...subject, ...object].filter((c) => !agent.includes(c)), mutual: false };
  return { sources: subject, targets: [...new Set([...object, ...unique(by.partner)])], mutual: false };
}

/**
 * Whether a country is named only as where something happened: English's rule
 * (roles.ts, "talks in Geneva"), or in a language with role cues a capital or a
 * place inside a country after a `venue` cue ("在北京举行", "в Москве").
 */
export function namesVenue(ctx: RoleContext, actor: ActorSpan): boolean {
  if (!ctx.roleCues) return isVenue(ctx.keys, ctx.venueCues, actor);
  const cue = cueOf(ctx, actor, ctx.roleCues);
  return cue === 'aside' || (cue === 'venue' && (actor.category === 'capital' || actor.category === 'proxy'));
}

/** An event's roles by the rules of the sentence's language. */
export function rolesOf(ctx: RoleContext, event: EventMatch, limit: number): EventRoles {
  return ctx.roleCues ? cueRoles(ctx, event, limit, ctx.roleCues) : eventRoles(ctx, event, limit);
}
