import { mean } from 'simple-statistics';
import { analyzeDocument } from '../pipeline/pipeline.js';
import { defaultScorer } from '../score/scoreSentence.js';
import { readTsv } from '../util/tsv.js';
import { type Polarity, toolPolarity } from './metrics.js';
import type { PortalItem } from './sharedData.js';
import { TOOL_THRESHOLD } from './toneEval.js';

/** One labelled pair of a real sentence: who acts on whom (or `-`), and the sign of what it reports. */
export interface GoldPair {
  id: string;
  actors: string[];
  /** `RU-UA`, or `-` when no two countries of the item relate. */
  pair: string;
  source: string;
  target: string;
  sign: Polarity;
}

const SIGNS = new Map<string, Polarity>([['+', 'positive'], ['-', 'negative'], ['0', 'neutral']]);

/** Read a gold file of labelled real sentences (ids and labels only; the text stays in ../shared). */
export function readGold(path: string): GoldPair[] {
  return readTsv(path).rows.map((row) => {
    const get = (name: string) => row.fields.get(name) ?? '';
    const sign = SIGNS.get(get('sign'));
    if (!sign) throw new Error(`${path}:${row.line}: sign must be +, - or 0`);
    return { id: get('id'), actors: get('actors').split(' ').filter(Boolean), pair: get('pair'), source: get('source'), target: get('target'), sign };
  });
}

export interface GoldResult {
  items: number;
  missingItems: string[];
  mentions: { precision: number; recall: number; f1: number };
  /** Labelled pairs read with the right sign (a pair we did not find reads as neutral). */
  pairs: number;
  rightSign: number;
  polarPairs: number;
  rightPolar: number;
  /** Pairs we scored as polar that the labels relate not at all (a bystander, a venue). */
  leaked: number;
  directed: number;
  rightDirection: number;
  /** The pairs read wrong, for reading. */
  errors: string[];
}

/**
 * Read each labelled item as the pipeline does and compare: the countries it
 * names, each labelled pair's sign and direction, and pairs scored that the
 * labels do not relate.
 */
export function goldEval(gold: readonly GoldPair[], portal: ReadonlyMap<string, PortalItem>): GoldResult {
  const scorer = defaultScorer();
  const byId = new Map<string, GoldPair[]>();
  for (const g of gold) byId.set(g.id, [...(byId.get(g.id) ?? []), g]);
  const result: GoldResult = {
    items: 0, missingItems: [], mentions: { precision: 0, recall: 0, f1: 0 },
    pairs: 0, rightSign: 0, polarPairs: 0, rightPolar: 0, leaked: 0, directed: 0, rightDirection: 0, errors: [],
  };
  let found = 0;
  let predictedMentions = 0;
  let goldMentions = 0;
  for (const [id, labels] of byId) {
    const item = portal.get(id);
    if (!item) {
      result.missingItems.push(id);
      continue;
    }
    result.items += 1;
    const analysis = analyzeDocument({ id, date: item.date, title: '', text: item.text, origin: id }, scorer);
    const predicted = new Set(analysis.record.countries.map((c) => c.code));
    const actors = new Set(labels[0]?.actors ?? []);
    predictedMentions += predicted.size;
    goldMentions += actors.size;
    found += [...predicted].filter((c) => actors.has(c)).length;
    const scores = new Map<string, number[]>();
    const directions = new Map<string, Set<string>>();
    for (const s of analysis.sentences) {
      scores.set(s.pair, [...(scores.get(s.pair) ?? []), s.trust]);
      if (s.direction) directions.set(s.pair, new Set([...(directions.get(s.pair) ?? []), s.direction]));
    }
    const polarity = (pair: string) => toolPolarity(scores.has(pair) ? mean(scores.get(pair) as number[]) : 0, TOOL_THRESHOLD);
    const labelled = new Set(labels.map((l) => l.pair));
    for (const label of labels.filter((l) => l.pair !== '-')) {
      result.pairs += 1;
      const read = polarity(label.pair);
      const right = read === label.sign;
      if (right) result.rightSign += 1;
      else result.errors.push(`${id} ${label.pair} gold ${label.sign} read ${read}`);
      if (label.sign !== 'neutral') {
        result.polarPairs += 1;
        if (right) result.rightPolar += 1;
      }
      const way = directions.get(label.pair);
      if (label.source !== '-' && way && way.size === 1) {
        result.directed += 1;
        if (way.has(`${label.source}>${label.target}`)) result.rightDirection += 1;
      }
    }
    for (const pair of scores.keys()) {
      if (!labelled.has(pair) && polarity(pair) !== 'neutral') {
        result.leaked += 1;
        result.errors.push(`${id} ${pair} not related in gold, read ${polarity(pair)}`);
      }
    }
  }
  const precision = predictedMentions === 0 ? 0 : found / predictedMentions;
  const recall = goldMentions === 0 ? 0 : found / goldMentions;
  result.mentions = { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  return result;
}
