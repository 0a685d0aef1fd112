import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { findCountries } from '../actors/findCountries.js';
import { readSentence } from '../score/scoreSentence.js';
import { tokenizeWords } from '../text/words.js';
import { readLines } from '../util/lines.js';
import { explainScore } from './explain.js';

/** Characters of the longest line `score` scores: a long paragraph. A longer line is not held or scored. */
export const MAX_SCORED_LINE = 100_000;

export interface ScoreLinesOptions {
  explain: boolean;
  /** The day leaders are looked up on, if given. */
  date?: string;
  maxLength?: number;
}

/** One line's result: its JSON object, or with `explain` its derivation. */
function scoreLine(text: string, options: ScoreLinesOptions): string {
  const tokens = tokenizeWords(text);
  const mentions = findCountries(text, tokens, undefined, options.date === undefined ? {} : { date: options.date });
  const countries = [...new Set(mentions.map((m) => m.code))].sort();
  const score = readSentence(text, tokens, mentions);
  if (options.explain) return explainScore(text, countries, score);
  return JSON.stringify({
    countries,
    pairs: score.pairs.map((p) => ({ pair: p.pair, ...(p.direction ? { direction: p.direction } : {}), trust: p.trust })),
    trust: score.trust,
    tone: score.tone,
    evidence: { trust: score.trustEvidence, tone: score.toneEvidence, events: score.events },
  });
}

/**
 * `trust-index score`: one text per input line, one result per output line (a line too long to score
 * gets a line saying so, so outputs stay aligned with inputs). Writing waits for the output to drain
 * when it is full, so a slow reader downstream holds back the reading, not a growing buffer.
 */
export async function scoreLines(input: Readable, output: Writable, options: ScoreLinesOptions): Promise<void> {
  const maxLength = options.maxLength ?? MAX_SCORED_LINE;
  let lineNumber = 0;
  for await (const text of readLines(input, maxLength)) {
    lineNumber += 1;
    const skipped = `line ${lineNumber} is longer than ${maxLength} characters: not scored`;
    const out = text !== null ? scoreLine(text, options) : options.explain ? skipped : JSON.stringify({ line: lineNumber, skipped });
    if (!output.write(`${out}\n`)) await once(output, 'drain');
  }
}
