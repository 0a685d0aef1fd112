import { articleScores } from '../aggregate/articleScores.js';
import { encodeMinhash } from '../text/fingerprint.js';
import type { DocumentAnalysis, DocumentDetail, PreparedDocument, StateLine } from '../types/analysis.js';
import type { Fingerprint } from '../types/fingerprint.js';

/**
 * Serialise an analysis and compute its article scores: the work on a
 * document that needs nothing from other documents.
 *
 * @example
 * const prepared = prepareDocument(analyzeDocument(doc, defaultScorer()), fingerprint(fullText(doc)), doc.origin);
 * JSON.parse(prepared.record).status; // 'scored'
 */
export function prepareDocument(analysis: DocumentAnalysis, fingerprint: Fingerprint, origin: string, sentenceLines?: string[]): PreparedDocument {
  const { record, sentences, names } = analysis;
  const date = record.date as string;
  const scores = articleScores(sentences);
  const detail: DocumentDetail = { scores, sentencesAboutPairs: new Set(sentences.map((s) => s.sentenceIndex)).size, names };
  const state: StateLine = { id: record.id, date, exact: fingerprint.exact, minhash: encodeMinhash(fingerprint.minhash), names };
  return {
    id: record.id,
    date,
    origin,
    status: record.status,
    sentenceCount: record.sentences,
    boilerplateParagraphs: analysis.boilerplateParagraphs,
    otherLanguageSentences: analysis.otherLanguageSentences,
    fingerprint,
    record: JSON.stringify(record),
    detail: scores.length > 0 || names.length > 0 ? JSON.stringify(detail) : null,
    // A merge hands over the lines it read: the same JSON, not written again.
    sentenceLines: sentenceLines ?? sentences.map((s) => JSON.stringify(s)),
    quotable: sentences.map((s) => ({ pair: s.pair, trust: s.trust, sentenceIndex: s.sentenceIndex })),
    state: JSON.stringify(state),
  };
}
