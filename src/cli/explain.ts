import type { EvidenceItem, SentenceScore } from '../types/evidence.js';
import { printable } from '../util/printable.js';

function line(item: EvidenceItem): string {
  const rules = item.rules.length > 0 ? ` ${item.rules.join(' ')}` : '';
  return `    ${JSON.stringify(item.surface)} = ${item.entry} (${item.dimension}) ${item.weight}${rules} → ${item.effective}`;
}

/** A readable derivation of a sentence's scores, for `score --explain`; the input's control and bidi characters are shown as codes. */
export function explainScore(text: string, countries: string[], score: SentenceScore): string {
  return [
    text,
    `  countries: ${countries.join(', ') || '(none)'}`,
    `  trust ${score.trust} = Σe / (Σ|e| + 2) over:`,
    ...(score.trustEvidence.length > 0 ? score.trustEvidence.map(line) : ['    (no trust entries)']),
    `  tone ${score.tone} over:`,
    ...(score.toneEvidence.length > 0 ? score.toneEvidence.map(line) : ['    (no tone entries)']),
  ].map(printable).join('\n');
}
