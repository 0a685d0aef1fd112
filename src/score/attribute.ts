import { pairsOf } from '../actors/pairs.js';
import { namesVenue } from '../events/cueRoles.js';
import type { RoleContext } from '../events/roles.js';
import type { EventEvidence, EvidenceItem } from '../types/evidence.js';
import type { CodedEvent } from './eventEvidence.js';

/** What one sentence says about one pair: the attitude words and events that count for it. */
export interface PairReading {
  pair: string;
  attitude: EvidenceItem[];
  events: EventEvidence[];
  /** `CN>PK` when every event of the pair runs one way. */
  direction: string | null;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}-${b}` : `${b}-${a}`);

/** Each source–target pair of an event, as evidence for that pair. */
function eventEvidence(event: CodedEvent): EventEvidence[] {
  const { entry } = event.match;
  const evidence: EventEvidence[] = [];
  const seen = new Set<string>();
  for (const source of event.roles.sources) {
    for (const target of event.roles.targets) {
      if (source === target || (event.roles.mutual && seen.has(pairKey(source, target)))) continue;
      seen.add(pairKey(source, target));
      evidence.push({
        source,
        target,
        ...(event.roles.mutual ? { mutual: true } : {}),
        pattern: entry.pattern,
        code: entry.code,
        category: entry.category,
        dimension: entry.dimension,
        severity: entry.weight,
        effective: event.effective,
        surface: event.surface,
        start: event.start,
        end: event.end,
        rules: event.rules,
      });
    }
  }
  return evidence;
}

/** The events nearest an attitude word (by characters); ties keep both. */
function nearest<T extends { start: number; end: number }>(spans: readonly T[], item: EvidenceItem): T[] {
  const distance = (s: T) => (item.end <= s.start ? s.start - item.end : item.start >= s.end ? item.start - s.end : 0);
  const best = Math.min(...spans.map(distance));
  return spans.filter((s) => distance(s) === best);
}

/**
 * Who a sentence's words and events are about. Each event counts only for the
 * pair of its source and target. Where a sentence has such events, an
 * attitude word counts for the pair of the event nearest it, and words after
 * a speech verb ("Russia says … is illegal") for the speaker and each country
 * named after it; a country that takes part in no event (a bystander) gets
 * nothing. A sentence without events is read as a whole, for every pair among
 * its countries. Countries named only as venues ("talks in Geneva") never count.
 * `principal`, for a sentence naming fewer than two countries that continues
 * the article's pair, supplies the pair and fills an event's missing role.
 */
export function attributeSentence(
  ctx: RoleContext,
  attitude: readonly EvidenceItem[],
  events: readonly CodedEvent[],
  principal: string | null,
): PairReading[] {
  const parties = ctx.actors.filter((a) => !namesVenue(ctx, a));
  const filled = principal ? events.map((e) => fillFromPair(e, principal)) : events;
  const coded = filled.filter((e) => e.roles.sources.length > 0 && e.roles.targets.length > 0);
  const readings = new Map<string, PairReading>();
  const reading = (pair: string) => {
    let known = readings.get(pair);
    if (!known) {
      known = { pair, attitude: [], events: [], direction: null };
      readings.set(pair, known);
    }
    return known;
  };
  const pairEvidence = coded.map((e) => ({ start: e.start, end: e.end, evidence: eventEvidence(e) })).filter((e) => e.evidence.length > 0);
  if (pairEvidence.length === 0) {
    const pairs = principal && pairsOf(parties.map((a) => a.code)).length === 0 ? [principal] : pairsOf(parties.map((a) => a.code));
    // Without an event to say who did what, words are the pair's only when the sentence names just two countries:
    // among three or more ("ten countries have met the criteria", "protests in Rome, London and Berlin against the US")
    // nothing says which of them the words are between.
    const attributed = pairs.length <= 1 ? attitude : [];
    for (const pair of pairs) reading(pair).attitude.push(...attributed);
    return [...readings.values()];
  }
  for (const { evidence } of pairEvidence) for (const e of evidence) reading(pairKey(e.source, e.target)).events.push(e);
  const owning = filled.filter((e) => e.roles.sources.length > 0 && ownsItsWords(e.match.entry.code));
  const speeches = events.filter((e) => e.match.entry.voice === 'speech' && e.roles.sources.length > 0);
  for (const item of attitude) {
    // A word inside an event's own span is that event's: "restored diplomatic ties" is one act, and "signs an accord with the
    // EU" has no second country to give "accord" to. An event with no named actor ("X's attempts … have been rebuffed")
    // leaves its words as attitude, placed like any other.
    if (owning.some((e) => item.start >= e.start && item.end <= e.end)) continue;
    const speech = speeches.filter((s) => s.end <= item.start).pop();
    const heard = speech ? parties.filter((a) => a.from >= speech.end && !speech.roles.sources.includes(a.code)).map((a) => a.code) : [];
    if (speech && heard.length > 0) {
      for (const speaker of speech.roles.sources) for (const code of heard) reading(pairKey(speaker, code)).attitude.push(item);
      continue;
    }
    for (const near of nearest(pairEvidence, item)) {
      for (const pair of new Set(near.evidence.map((e) => pairKey(e.source, e.target)))) reading(pair).attitude.push(item);
    }
  }
  for (const r of readings.values()) r.direction = oneWay(r.events);
  return [...readings.values()].sort((a, b) => (a.pair < b.pair ? -1 : 1));
}

/**
 * Whether an event's own words are part of it rather than evidence beside it. A statement (CAMEO root
 * 01: "expressed deep concern", "voiced skepticism") is an act of speaking whose Goldstein weight is
 * near 0; its valence lives in the words, which therefore still count. Every other act absorbs them.
 */
export function ownsItsWords(code: string): boolean {
  return !code.startsWith('01');
}

/** A direction when every event runs the same way and none is mutual. */
function oneWay(events: readonly EventEvidence[]): string | null {
  const ways = new Set(events.map((e) => (e.mutual ? 'mutual' : `${e.source}>${e.target}`)));
  const [only] = ways;
  return ways.size === 1 && only !== 'mutual' ? (only as string) : null;
}

/** In a sentence continuing the article's pair, an event with one side named gets the pair's other country as its other side. */
function fillFromPair(event: CodedEvent, principal: string): CodedEvent {
  const [a, b] = principal.split('-') as [string, string];
  const other = (codes: string[]) => (codes.length === 1 && codes[0] === a ? [b] : codes.length === 1 && codes[0] === b ? [a] : []);
  const { sources, targets } = event.roles;
  if (event.match.entry.voice === 'speech') return event;
  if (sources.length > 0 && targets.length === 0) return { ...event, roles: { ...event.roles, targets: other(sources) } };
  if (targets.length > 0 && sources.length === 0) return { ...event, roles: { ...event.roles, sources: other(targets) } };
  return event;
}
