import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XINWENLIANBO_FILE } from '../eval/languageGold.js';
import { REUTERS_FILE } from '../eval/sharedData.js';
import type { DatedDocument } from '../pipeline/analysisPool.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { readTsv } from '../util/tsv.js';
import { WARM_UP_DOCUMENTS, analyseAll } from './analysisCeiling.js';

/** Bytes of text per language timed: enough for a steady rate, little enough for a quick bench. */
export const LANGUAGE_SAMPLE_BYTES = 3_000_000;
/** Sentences of a Russian document made of our own sentences: about a short news item. */
const RUSSIAN_SENTENCES_PER_DOCUMENT = 4;
/** The bar: Chinese and Russian read at half the English rate or better. */
export const LANGUAGE_RATE_GOAL = 0.5;

const textBytes = (docs: readonly DatedDocument[]) => docs.reduce((n, d) => n + Buffer.byteLength(d.title) + Buffer.byteLength(d.text), 0);

/** The first documents of a JSONL corpus up to `LANGUAGE_SAMPLE_BYTES` of text. */
function corpusSample(path: string): DatedDocument[] {
  const docs: DatedDocument[] = [];
  let bytes = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (bytes >= LANGUAGE_SAMPLE_BYTES || line.trim() === '') continue;
    const item = JSON.parse(line) as { id: string | number; date: string; title?: string; text?: string };
    if (!item.text) continue;
    const doc = { id: String(item.id), date: item.date, title: item.title ?? '', text: item.text, origin: path };
    bytes += textBytes([doc]);
    docs.push(doc);
  }
  return docs;
}

/**
 * Russian news of our own: the sentences of the Russian gold and development sets, four to a
 * document, repeated up to the sample size. No shared Russian corpus exists; the repetition favours
 * the stem memo a little, so the Russian rate is an upper bound.
 */
function russianSample(): DatedDocument[] {
  const texts = ['ru-sentences.tsv', 'ru-dev.tsv'].flatMap((file) => {
    const path = join(PACKAGE_ROOT, 'test', 'gold', file);
    try {
      return [...new Set(readTsv(path).rows.map((row) => row.fields.get('text') ?? ''))];
    } catch {
      return [];
    }
  });
  const docs: DatedDocument[] = [];
  for (let copy = 0; textBytes(docs) < LANGUAGE_SAMPLE_BYTES && texts.length > 0; copy += 1) {
    for (let i = 0; i < texts.length; i += RUSSIAN_SENTENCES_PER_DOCUMENT) {
      docs.push({ id: `ru-${copy}-${i}`, date: '2015-06-01', title: '', text: texts.slice(i, i + RUSSIAN_SENTENCES_PER_DOCUMENT).join(' '), origin: 'russian' });
    }
  }
  return docs;
}

export interface LanguageRate {
  language: string;
  documents: number;
  megabytes: number;
  seconds: number;
  rate: number;
}

/** The analysis alone in one thread, documents in memory, fastest of `passes`, per language. */
export function languageRates(dir: string, passes: number): LanguageRate[] {
  const samples: Array<[string, DatedDocument[]]> = [
    ['en (Reuters-21578)', corpusSample(join(dir, REUTERS_FILE))],
    ['zh (新闻联播)', corpusSample(join(dir, XINWENLIANBO_FILE))],
    ['ru (our sentences)', russianSample()],
  ];
  return samples.map(([language, docs]) => {
    analyseAll(docs.slice(0, WARM_UP_DOCUMENTS));
    let seconds = Infinity;
    for (let pass = 0; pass < passes; pass += 1) seconds = Math.min(seconds, analyseAll(docs));
    const megabytes = textBytes(docs) / 1e6;
    return { language, documents: docs.length, megabytes, seconds, rate: megabytes / seconds };
  });
}
