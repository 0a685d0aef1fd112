import { mean } from 'simple-statistics';
import { findCountries } from '../actors/findCountries.js';
import { pairsOf } from '../actors/pairs.js';
import { splitSentences } from '../text/sentences.js';
import { properNames } from '../text/properName.js';
import { tokenizeWords } from '../text/words.js';
import { sentenceDirection } from '../actors/direction.js';
import { type EventLexicon, loadEventLexicon } from '../events/eventLexicon.js';
import { namesVenue } from '../events/cueRoles.js';
import { type RoleCue, actorSpans } from '../events/roles.js';
import { loadVenueCues } from '../events/venues.js';
import type { EventEvidence, EvidenceItem, SentenceScore } from '../types/evidence.js';
import { type PairReading, attributeSentence, ownsItsWords } from './attribute.js';
import { codeEvents } from './eventEvidence.js';
import { pairTrust } from './intensity.js';
import type { CountryMention, Token } from '../types/sentence.js';
import { type TrieNode, longestFrom } from '../util/trie.js';
import { type SentenceContext, type Span, sentenceContext } from './context.js';
import {
  type LexiconEntry,
  type ScoringLexicon,
  extendLexicon,
  loadToneLexicon,
  loadTrustLexicon,
} from './lexicon.js';
import { type Modifier, type ModifierSet, loadModifiers } from './modifiers.js';
import { contrast } from './rules/contrast.js';
import { describeEffect, type RuleEffect } from './rules/effect.js';
import { emphasis } from './rules/emphasis.js';
import { framing } from './rules/framing.js';
import { hedge } from './rules/hedge.js';
import { intensity } from './rules/intensity.js';
import { negation } from './rules/negation.js';
import { reversal } from './rules/reversal.js';
import { rejected } from './rules/rejected.js';
import { topic } from './rules/topic.js';

/**
 * Damping constant of the normalisation score = Σe / (Σ|e| + K): one mild
 * entry (weight 1) gives ±0.33, one strong entry (weight 4) ±0.67, and a
 * sentence of opposing entries lands near 0. Unlike VADER's Σ/√(Σ²+α), it
 * does not saturate as a long sentence piles up matches of one sign.
 */
export const NORMALISATION_K = 2;

/** The lexicons and cue words a scorer uses, compiled once. */
export interface Scorer {
  trust: ScoringLexicon;
  tone: ScoringLexicon;
  modifiers: ModifierSet;
  /** What states do to each other (`events.tsv`) and the words that make "in X" a venue (`venues.tsv`). */
  events: EventLexicon;
  venues: ReadonlySet<string>;
  /** The language the lexicons are in: `en` where absent. */
  language?: string;
  /** Function words that mark roles, in a language that has them (lexicons/zh/roles.tsv, lexicons/ru/roles.tsv). */
  roleCues?: ReadonlyMap<string, RoleCue>;
}

/** Options of `scoreSentence` and `scoreText`. */
export interface ScoreOptions {
  /** Lexicons and cues to score with (a `Scorer`); the bundled ones (`defaultScorer()`) by default. */
  scorer?: Scorer;
  /** Trust entries added or overriding for this call only; shared lexicons are not changed. */
  trustEntries?: Array<Pick<LexiconEntry, 'term' | 'weight'> & Partial<LexiconEntry>>;
  /** The date the text was written (`YYYY-MM-DD`): leaders count for their country only within their terms. */
  date?: string;
  /** Tone entries added or overriding for this call only. */
  toneEntries?: Array<Pick<LexiconEntry, 'term' | 'weight'> & Partial<LexiconEntry>>;
}

let bundled: Scorer | null = null;

/** The scorer over the bundled lexicons, compiled on first use. */
export function defaultScorer(): Scorer {
  bundled ??= {
    trust: loadTrustLexicon(),
    tone: loadToneLexicon(),
    modifiers: loadModifiers(),
    events: loadEventLexicon(),
    venues: loadVenueCues(),
  };
  return bundled;
}

function asEntries(extra: ScoreOptions['trustEntries'], dimension: string): LexiconEntry[] {
  return (extra ?? []).map((e) => ({
    term: e.term.toLowerCase(),
    weight: e.weight,
    dimension: e.dimension ?? dimension,
    note: e.note ?? 'call-time entry',
    origin: 'options',
  }));
}

function resolveScorer(options: ScoreOptions): Scorer {
  const base = options.scorer ?? defaultScorer();
  if (!options.trustEntries?.length && !options.toneEntries?.length) return base;
  return {
    ...base,
    trust: extendLexicon(base.trust, asEntries(options.trustEntries, 'general')),
    tone: extendLexicon(base.tone, asEntries(options.toneEntries, 'tone')),
  };
}

const RULES: Array<(ctx: SentenceContext, span: Span, weight: number) => RuleEffect | null> = [
  negation,
  intensity,
  hedge,
  contrast,
  framing,
  reversal,
  emphasis,
];

/** A lexicon entry found at tokens [start, end), before any rule has looked at it. */
interface RawMatch {
  entry: LexiconEntry;
  start: number;
  end: number;
}

/** The trie nodes a word begins in the trust lexicon, the tone lexicon and the modifier cues. */
interface WordStarts {
  trust?: TrieNode<LexiconEntry>;
  tone?: TrieNode<LexiconEntry>;
  cue?: TrieNode<Modifier>;
}

const startsByScorer = new WeakMap<Scorer, Map<string, WordStarts>>();

/**
 * One map from a word to what it begins in every lexicon, built once per
 * scorer: a sentence's words are looked up once, not once per lexicon
 * (three Map look-ups a word were most of the scoring time).
 */
function wordStarts(scorer: Scorer): Map<string, WordStarts> {
  let starts = startsByScorer.get(scorer);
  if (starts) return starts;
  starts = new Map();
  const add = (key: string, part: WordStarts) => {
    const known = starts?.get(key);
    starts?.set(key, known ? { ...known, ...part } : part);
  };
  for (const [key, node] of scorer.trust.trie.root.next) add(key, { trust: node });
  for (const [key, node] of scorer.tone.trie.root.next) add(key, { tone: node });
  for (const [key, node] of scorer.modifiers.trie.root.next) add(key, { cue: node });
  startsByScorer.set(scorer, starts);
  return starts;
}

/** Longest-first matches of one lexicon from its first-word nodes; weight-0 entries only block shorter ones. */
function findMatches(
  lexicon: ScoringLexicon,
  nodes: readonly (WordStarts | undefined)[],
  which: 'trust' | 'tone',
  keys: readonly string[],
): RawMatch[] {
  const matches: RawMatch[] = [];
  for (let i = 0; i < keys.length; ) {
    const node = nodes[i]?.[which];
    const match = node ? longestFrom(lexicon.trie, node, i, keys) : null;
    if (!match) {
      i += 1;
      continue;
    }
    if (match.value.weight !== 0) matches.push({ entry: match.value, start: i, end: match.end });
    i = match.end;
  }
  return matches;
}

/** Apply every rule to a match and record what each did. */
function evidenceOf(ctx: SentenceContext, match: RawMatch): EvidenceItem {
  const { entry } = match;
  const first = ctx.tokens[match.start] as Token;
  const last = ctx.tokens[match.end - 1] as Token;
  let effective = entry.weight;
  const rules: string[] = [];
  for (const rule of RULES) {
    const effect = rule(ctx, match, entry.weight);
    if (effect) {
      effective *= effect.factor;
      rules.push(describeEffect(effect));
    }
  }
  return {
    entry: entry.term,
    surface: ctx.text.slice(first.start, last.end),
    start: first.start,
    end: last.end,
    weight: entry.weight,
    effective: Math.round(effective * 1000) / 1000,
    dimension: entry.dimension,
    rules,
  };
}

/** An evidence item that a sentence-level rule (topic, rejected) sets to ×0, with the rule recorded. */
function zeroedBy(item: EvidenceItem, effect: RuleEffect | null): EvidenceItem {
  return effect ? { ...item, effective: 0, rules: [...item.rules, describeEffect(effect)] } : item;
}

/** Σe / (Σ|e| + K), in (-1, 1), rounded to 4 decimals so printed scores add up exactly; 0 when nothing matched. */
export function normalise(evidence: readonly EvidenceItem[]): number {
  let sum = 0;
  let magnitude = 0;
  for (const item of evidence) {
    sum += item.effective;
    magnitude += Math.abs(item.effective);
  }
  return magnitude === 0 ? 0 : Math.round((sum / (magnitude + NORMALISATION_K)) * 10_000) / 10_000;
}

/** One pair's reading of a sentence with its trust. */
export interface ScoredPair extends PairReading {
  trust: number;
}

/** A sentence's scores, evidence and events, and what it says about each pair of its countries. */
export interface SentenceReading extends SentenceScore {
  pairs: ScoredPair[];
}

/**
 * Score one sentence for trust/cooperation and for general tone, with the
 * evidence for each: the matched entries and events, their spans, the rules
 * that changed them, and the pairs of the sentence's countries they count for.
 * Countries are found with the bundled gazetteer (leaders only with `date`).
 *
 * @example
 * const s = scoreSentence("We don't trust that more soldiers will keep us safe.");
 * s.trust < 0; // true: "trust" is negated
 * s.trustEvidence[0].rules; // ['negated×-0.75 ("don\'t")']
 * scoreSentence('Russia annexed Crimea from Ukraine.').pairs[0]; // { pair: 'RU-UA', trust: -0.9, events: [annex (RU>UA)], … }
 */
export function scoreSentence(text: string, options: ScoreOptions = {}): SentenceReading {
  const tokens = tokenizeWords(text);
  const mentions = findCountries(text, tokens, undefined, options.date === undefined ? {} : { date: options.date });
  return readSentence(text, tokens, mentions, resolveScorer(options));
}

const NOTHING: SentenceReading = { trust: 0, tone: 0, trustEvidence: [], toneEvidence: [], events: [], pairs: [] };

/**
 * Read a sentence already tokenised, with its country mentions (the pipeline
 * tokenises once for actors and scoring): attitude words and tone, events
 * with their roles, and each pair's reading. `principal` is the article's
 * pair for a sentence that names fewer than two countries but continues it.
 */
export function readSentence(
  text: string,
  tokens: Token[],
  mentions: readonly CountryMention[],
  scorer: Scorer = defaultScorer(),
  principal: string | null = null,
): SentenceReading {
  const starts = wordStarts(scorer);
  const keys = new Array<string>(tokens.length);
  const nodes = new Array<WordStarts | undefined>(tokens.length);
  let begins = false;
  // Events are coded only where they can count: between two countries named here, or the article's pair and one named here.
  const heads = mayCodeEvents(mentions, principal) ? scorer.events.trie.root.next : null;
  let acts = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const key = (tokens[i] as Token).lower;
    keys[i] = key;
    nodes[i] = starts.get(key);
    begins ||= nodes[i] !== undefined;
    if (heads !== null && !acts) acts = heads.has(key);
  }
  const coding = acts;
  if (!begins && !coding) return bare(text, mentions, tokens, keys, scorer, principal);
  // A word inside a proper name ("the Vietnam War") names something and is no evidence.
  const inName = properNames(tokens);
  const named = (m: RawMatch) => !inName(m.start);
  const trustMatches = findMatches(scorer.trust, nodes, 'trust', keys).filter(named);
  const toneMatches = findMatches(scorer.tone, nodes, 'tone', keys).filter(named);
  if (trustMatches.length === 0 && toneMatches.length === 0 && !coding) return bare(text, mentions, tokens, keys, scorer, principal);
  // Clauses and cues are worked out only for sentences with something to adjust or to code.
  const ctx = sentenceContext(text, tokens, keys, scorer.modifiers, nodes.map((n) => n?.cue));
  const trustRead = trustMatches.map((m) => evidenceOf(ctx, m));
  const toneEvidence = toneMatches.map((m) => evidenceOf(ctx, m));
  // No country and no article pair: nothing to attribute, the sentence's words are its whole reading.
  if (mentions.length === 0 && principal === null) {
    return { trust: pairTrust(trustRead, []), tone: normalise(toneEvidence), trustEvidence: trustRead, toneEvidence, events: [], pairs: [] };
  }
  const roles = { text, tokens, keys, clause: ctx.clause, actors: actorSpans(mentions, tokens), venueCues: scorer.venues, ...(scorer.roleCues ? { roleCues: scorer.roleCues } : {}) };
  const coded = coding ? codeEvents(ctx, roles, scorer.events, inName) : [];
  const cooperative = coded.some((e) => e.effective > 0 && e.roles.sources.length > 0 && e.roles.targets.length > 0);
  // Beside a cooperative act, words after a topic cue are what it is about (rules/topic.ts); after a rejection, what was turned down (rules/rejected.ts).
  const trustEvidence = trustRead.map((item, i) => {
    const match = trustMatches[i] as RawMatch;
    return zeroedBy(item, (cooperative ? topic(ctx, match) : null) ?? rejected(ctx, coded, match));
  });
  const pairs = attributeSentence(roles, trustEvidence, coded, principal).map((reading) => scorePair(reading, text, mentions, tokens));
  const events = uniqueEvents(pairs);
  // A word inside a counted event's span is part of the event ("expelled" in "expelled the envoy"): listed and counted once, as the event.
  const free = trustEvidence.filter((item) => !events.some((e) => ownsItsWords(e.code) && item.start >= e.start && item.end <= e.end));
  return { trust: pairTrust(free, events), tone: normalise(toneEvidence), trustEvidence: free, toneEvidence, events, pairs };
}

/** Whether an event of this sentence could count for a pair: two countries named, or one beside the article's pair. */
function mayCodeEvents(mentions: readonly CountryMention[], principal: string | null): boolean {
  const first = mentions[0]?.code;
  if (first === undefined) return false;
  return principal !== null || mentions.some((m) => m.code !== first);
}

/** A sentence with nothing to score: the pairs of its parties (venues left out), each neutral. */
function bare(text: string, mentions: readonly CountryMention[], tokens: Token[], keys: readonly string[], scorer: Scorer, principal: string | null): SentenceReading {
  const actors = actorSpans(mentions, tokens);
  const ctx = { text, tokens, keys, clause: [], actors, venueCues: scorer.venues, ...(scorer.roleCues ? { roleCues: scorer.roleCues } : {}) };
  const parties = actors.filter((a) => !namesVenue(ctx, a));
  const pairs = pairsOf(parties.map((a) => a.code));
  const readings = (pairs.length === 0 && principal ? [principal] : pairs).map((pair) => ({ pair, attitude: [], events: [], direction: null }));
  return { ...NOTHING, pairs: readings.map((reading) => scorePair(reading, text, mentions, tokens)) };
}

/** A pair's trust, and its direction from the shape of an attitude sentence where no event gives one. */
function scorePair(reading: PairReading, text: string, mentions: readonly CountryMention[], tokens: Token[]): ScoredPair {
  const direction = reading.direction ?? (reading.events.length === 0 && reading.attitude.length > 0 ? attitudeDirection(text, mentions, tokens, reading) : null);
  return { ...reading, direction, trust: pairTrust(reading.attitude, reading.events) };
}

function attitudeDirection(text: string, mentions: readonly CountryMention[], tokens: Token[], reading: PairReading): string | null {
  const direction = sentenceDirection(text, mentions, tokens, reading.attitude);
  return direction && [direction.source, direction.target].sort().join('-') === reading.pair ? `${direction.source}>${direction.target}` : null;
}

/** Each event once, though a mutual or many-sided one counts for several pairs. */
function uniqueEvents(pairs: readonly ScoredPair[]): EventEvidence[] {
  const seen = new Map<string, EventEvidence>();
  for (const pair of pairs) for (const e of pair.events) seen.set(`${e.start}:${e.source}:${e.target}`, e);
  return [...seen.values()].sort((a, b) => a.start - b.start || (a.source < b.source ? -1 : 1));
}
/** Scores of a passage: each sentence, and their means. */
export interface TextScore {
  trust: number;
  tone: number;
  sentences: Array<SentenceReading & { text: string }>;
}

/**
 * Score a paragraph or article: split into sentences, score each, and take
 * the mean of the sentence scores (a long sentence does not outweigh others).
 *
 * @example
 * scoreText('The two sides restored ties. Trade resumed.').trust > 0; // true
 */
export function scoreText(text: string, options: ScoreOptions = {}): TextScore {
  const scorer = resolveScorer(options);
  const sentences = splitSentences(text).map((s) => {
    const tokens = tokenizeWords(s);
    return { text: s, ...readSentence(s, tokens, findCountries(s, tokens), scorer) };
  });
  const average = (pick: (s: SentenceScore) => number) => (sentences.length === 0 ? 0 : mean(sentences.map(pick)));
  return { trust: average((s) => s.trust), tone: average((s) => s.tone), sentences };
}
