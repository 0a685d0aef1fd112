import type { EventLexicon } from '../events/eventLexicon.js';
import { type EventMatch, findEvents } from '../events/findEvents.js';
import { rolesOf } from '../events/cueRoles.js';
import type { EventRoles, RoleContext } from '../events/roles.js';
import type { Token } from '../types/sentence.js';
import { type SentenceContext, precedingCue } from './context.js';
import { type RuleEffect, describeEffect } from './rules/effect.js';
import { hedge } from './rules/hedge.js';
import { NEGATION_SCOPE } from './rules/negation.js';
import { reversal } from './rules/reversal.js';

/** An event found in a sentence, its roles, and its severity after the rules. */
export interface CodedEvent {
  match: EventMatch;
  roles: EventRoles;
  /** Characters [start, end) of the words matched. */
  start: number;
  end: number;
  surface: string;
  effective: number;
  rules: string[];
}

/** An infinitive this close after another event is that event's content: "threatened to cut off gas" is a threat. */
const EMBEDDING_REACH = 3;

/** "threatened to impose sanctions", "agreed to restore ties": the outer verb is the act, the inner one did not happen (yet). */
function embedding(keys: readonly string[], match: EventMatch, earlier: readonly EventMatch[]): RuleEffect | null {
  const to = keys[match.start - 1] === 'to' ? match.start - 1 : keys[match.start - 2] === 'to' ? match.start - 2 : -1;
  if (to < 0) return null;
  const outer = earlier[earlier.length - 1];
  // The outer pattern may end with the "to" itself ("threaten to").
  return outer && outer.end <= to + 1 && to - outer.end < EMBEDDING_REACH ? { rule: 'embedded', factor: 0, cue: outer.entry.pattern } : null;
}

/**
 * The rules an event goes through: a negated event did not happen ("did not
 * attack": ×0); a hedged one may not ("could impose": the hedge's factor); a
 * reversed one is undone ("lifted the blockade": ×−0.75); an infinitive under
 * another event is that event's content (×0).
 */
function eventEffects(ctx: SentenceContext, keys: readonly string[], match: EventMatch, earlier: readonly EventMatch[]): RuleEffect[] {
  const span = { start: match.start, end: match.end };
  const negator = precedingCue(ctx, span, 'negator', NEGATION_SCOPE);
  const effects = [
    negator ? { rule: 'negated', factor: 0, cue: negator.surface } : null,
    hedge(ctx, span),
    reversal(ctx, span),
    embedding(keys, match, earlier),
  ];
  return effects.filter((e): e is RuleEffect => e !== null);
}

/**
 * Find a sentence's events, their roles among the sentence's countries, and
 * their severity after the rules. `inName` tells the words inside proper names
 * (text/properName.ts), worked out once for the sentence's words and events.
 */
export function codeEvents(ctx: SentenceContext, roles: RoleContext, lexicon: EventLexicon, inName: (index: number) => boolean): CodedEvent[] {
  // Words of a country's name ("United" in "the United States") and of other proper names ("the Asia–Europe Meeting") head no event.
  const names = new Set<number>();
  for (const actor of roles.actors) for (let t = actor.start; t < actor.end; t += 1) names.add(t);
  for (let t = 0; t < roles.tokens.length; t += 1) if (inName(t)) names.add(t);
  const matches = findEvents(roles.keys, ctx.clause, lexicon, names);
  const effects = matches.map((match, m) => eventEffects(ctx, roles.keys, match, matches.slice(0, m)));
  const embedded = effects.map((list) => list.some((e) => e.rule === 'embedded'));
  return matches.map((match, m) => {
    // An object lies before the next event, unless that event is this one's content ("threatened to cut off gas to Ukraine").
    let next = m + 1;
    while (embedded[next]) next += 1;
    const first = ctx.tokens[match.start] as Token;
    const last = ctx.tokens[match.end - 1] as Token;
    const effective = (effects[m] as RuleEffect[]).reduce((w, e) => w * e.factor, match.entry.weight);
    return {
      match,
      roles: rolesOf(roles, match, matches[next]?.start ?? roles.keys.length),
      start: first.start,
      end: last.end,
      surface: ctx.text.slice(first.start, last.end),
      effective: Math.round(effective * 1000) / 1000 + 0,
      rules: (effects[m] as RuleEffect[]).map(describeEffect),
    };
  });
}
