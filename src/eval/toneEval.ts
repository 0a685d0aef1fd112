import vader from 'vader-sentiment';
import { scoreSentence } from '../score/scoreSentence.js';
import { type Polarity, humanPolarity, macroF1, pearson, toolPolarity } from './metrics.js';
import type { RatedSentence } from './sharedData.js';

/** Tool scores beyond ±0.05 are polar, for us and for VADER alike (VADER's own convention). */
export const TOOL_THRESHOLD = 0.05;

export interface ToneResult {
  scorer: string;
  r: number;
  macroF1: number;
}

function evaluate(scorer: string, sentences: readonly RatedSentence[], score: (text: string) => number): ToneResult {
  const scores = sentences.map((s) => score(s.text));
  const gold: Polarity[] = sentences.map((s) => humanPolarity(s.rating));
  return {
    scorer,
    r: pearson(scores, sentences.map((s) => s.rating)),
    macroF1: macroF1(gold, scores.map((x) => toolPolarity(x, TOOL_THRESHOLD))),
  };
}

/** Our tone and VADER's compound score on one human-rated set, computed in the same run. */
export function toneEval(sentences: readonly RatedSentence[]): ToneResult[] {
  return [
    evaluate('trust-index tone', sentences, (text) => scoreSentence(text).tone),
    evaluate('vader-sentiment', sentences, (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound),
  ];
}
