/** What a rule did to one lexicon match. */
export interface RuleEffect {
  rule: string;
  factor: number;
  cue: string;
}

/** The evidence line for an effect, e.g. `negated×-0.75 ("don't")`. */
export function describeEffect(effect: RuleEffect): string {
  return `${effect.rule}×${effect.factor} ("${effect.cue}")`;
}
