// Baseline scorers used by `npm run eval` and `npm run bench` only (devDependencies).
declare module 'vader-sentiment' {
  export const SentimentIntensityAnalyzer: {
    polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number };
  };
}
declare module 'sentiment' {
  export default class Sentiment {
    analyze(text: string): { score: number; comparative: number };
  }
}
declare module 'natural/lib/natural/sentiment/SentimentAnalyzer.js' {
  export default class SentimentAnalyzer {
    constructor(language: string, stemmer: { stem(word: string): string } | null, type: string);
    getSentiment(words: string[]): number;
  }
}
