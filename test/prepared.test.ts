import { describe, expect, it } from 'vitest';
import { articleScores } from '../src/aggregate/articleScores.js';
import { analyzeDocument, fullText } from '../src/pipeline/pipeline.js';
import { prepareDocument } from '../src/pipeline/preparedDocument.js';
import { defaultScorer } from '../src/score/scoreSentence.js';
import { decodeMinhash, fingerprint } from '../src/text/fingerprint.js';

const scorer = defaultScorer();

function prepared(text: string) {
  const doc = { id: 'doc-1', date: '2024-11-12', title: 'Envoys meet', text, origin: 'test:1' };
  const analysis = analyzeDocument(doc, scorer);
  return { analysis, print: fingerprint(fullText(doc)), prepared: prepareDocument(analysis, fingerprint(fullText(doc)), doc.origin) };
}

describe('prepareDocument', () => {
  it('carries the analysis as the JSON lines the outputs hold, and the article scores it implies', () => {
    const { analysis, print, prepared: doc } = prepared(
      'Pakistan and China signed a new security pact on Tuesday. Islamabad said it deeply mistrusts the Chinese contractors. Officials of both countries will meet again in January.',
    );
    expect(analysis.sentences.length).toBeGreaterThan(1);
    expect(JSON.parse(doc.record)).toEqual(analysis.record);
    expect(doc.sentenceLines.map((line) => JSON.parse(line))).toEqual(analysis.sentences);
    expect(doc.quotable).toEqual(analysis.sentences.map((s) => ({ pair: s.pair, trust: s.trust, sentenceIndex: s.sentenceIndex })));
    // Each sentence about the pair counts once in sentencesAboutPairs, however many pairs it names.
    expect(JSON.parse(doc.detail as string)).toEqual({
      scores: articleScores(analysis.sentences), sentencesAboutPairs: new Set(analysis.sentences.map((s) => s.sentenceIndex)).size, names: analysis.names,
    });
    const state = JSON.parse(doc.state);
    expect(state).toMatchObject({ id: 'doc-1', date: '2024-11-12', exact: print.exact, names: analysis.names });
    expect(decodeMinhash(state.minhash)).toEqual(print.minhash);
    expect({ id: doc.id, date: doc.date, sentenceCount: doc.sentenceCount }).toEqual({ id: 'doc-1', date: '2024-11-12', sentenceCount: 4 });
  });

  it('has no detail for a document with no pair and no unknown name', () => {
    const { prepared: doc } = prepared('The weather was mild across the region this week, and the markets were quiet.');
    expect(JSON.parse(doc.record).status).toBe('no-pair');
    expect(doc.detail).toBeNull();
    expect(doc.sentenceLines).toEqual([]);
  });
});
