import { sampleCorrelation } from 'simple-statistics';

export type Polarity = 'positive' | 'neutral' | 'negative';

/** Human ratings: > 0.5 positive, < −0.5 negative (the thresholds VADER's evaluation uses). */
export function humanPolarity(rating: number): Polarity {
  return rating > 0.5 ? 'positive' : rating < -0.5 ? 'negative' : 'neutral';
}

/** A tool's score: beyond ±threshold is polar. */
export function toolPolarity(score: number, threshold: number): Polarity {
  return score > threshold ? 'positive' : score < -threshold ? 'negative' : 'neutral';
}

/**
 * Macro-averaged F1 over the three classes.
 *
 * @example
 * macroF1(['positive', 'negative'], ['positive', 'neutral']); // (1 + 0 + 0) / 3
 */
export function macroF1(gold: readonly Polarity[], predicted: readonly Polarity[]): number {
  const classes: Polarity[] = ['positive', 'neutral', 'negative'];
  const f1s = classes.map((c) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === c && g === c) tp += 1;
      else if (p === c) fp += 1;
      else if (g === c) fn += 1;
    });
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1s.reduce((a, b) => a + b, 0) / classes.length;
}

/** Pearson r (simple-statistics' sample correlation). */
export function pearson(x: readonly number[], y: readonly number[]): number {
  return sampleCorrelation([...x], [...y]);
}
