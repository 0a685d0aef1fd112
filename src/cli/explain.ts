import { FULL_SCALE, GOLDSTEIN_TO_TRUST } from '../score/intensity.js';
import type { SentenceReading } from '../score/scoreSentence.js';
import type { EventEvidence, EvidenceItem } from '../types/evidence.js';
import { printable } from '../util/printable.js';

function line(item: EvidenceItem): string {
  const rules = item.rules.length > 0 ? ` ${item.rules.join(' ')}` : '';
  return `    ${JSON.stringify(item.surface)} = ${item.entry} (${item.dimension}) ${item.weight}${rules} → ${item.effective}`;
}

function eventLine(event: EventEvidence): string {
  const rules = event.rules.length > 0 ? ` ${event.rules.join(' ')}` : '';
  const roles = event.mutual ? `${event.source}<>${event.target}` : `${event.source}>${event.target}`;
  return `    ${roles} ${JSON.stringify(event.surface)} = ${event.pattern} [CAMEO ${event.code} ${event.category}] Goldstein ${event.severity}${rules} → ${event.effective}`;
}

/** A readable derivation of a sentence's scores, for `score --explain`; the input's control and bidi characters are shown as codes. */
export function explainScore(text: string, countries: string[], score: SentenceReading): string {
  const formula = `clamp((Σ words + ${GOLDSTEIN_TO_TRUST} × Σ Goldstein) / ${FULL_SCALE})`;
  return [
    text,
    `  countries: ${countries.join(', ') || '(none)'}`,
    `  trust ${score.trust} = ${formula} over:`,
    ...(score.trustEvidence.length > 0 ? score.trustEvidence.map(line) : ['    (no trust entries)']),
    ...(score.events.length > 0 ? ['  events:', ...score.events.map(eventLine)] : ['  events: (none between two countries)']),
    ...score.pairs.map((p) => `  pair ${p.pair}${p.direction ? ` (${p.direction})` : ''}: trust ${p.trust} from ${p.attitude.length} word(s) and ${p.events.length} event(s)`),
    `  tone ${score.tone} over:`,
    ...(score.toneEvidence.length > 0 ? score.toneEvidence.map(line) : ['    (no tone entries)']),
  ].map(printable).join('\n');
}
