import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readTsv } from '../util/tsv.js';
import { type GoldPair, readGold } from './goldEval.js';
import { type PortalItem, readJsonLines } from './sharedData.js';

export const XINWENLIANBO_FILE = 'xinwenlianbo-2012-2015.jsonl';

/** One CCTV 新闻联播 item: a day's story, one paragraph a line. */
export interface BroadcastItem {
  id: string;
  date: string;
  title: string;
  text: string;
}

/** The 新闻联播 transcripts, one JSON object a line. */
export function readBroadcasts(dir: string): BroadcastItem[] {
  return readJsonLines<BroadcastItem>(join(dir, XINWENLIANBO_FILE));
}

/**
 * The sentences of a transcript as the Chinese gold set numbers them: paragraph
 * p (the line), sentence s within it, cut after 。！？；!? and any closing quotes.
 * Fixed here, apart from the pipeline's own splitter, so the labels keep
 * pointing at the same sentences whatever the pipeline does.
 */
export function numberedSentences(text: string): Array<{ p: number; s: number; text: string }> {
  const numbered: Array<{ p: number; s: number; text: string }> = [];
  text.split('\n').forEach((paragraph, p) => {
    let s = 0;
    for (const piece of paragraph.match(/[^。！？；!?]+(?:[。！？；!?]+[”’」』）)]*)?/g) ?? []) {
      const sentence = piece.trim();
      if (sentence !== '') numbered.push({ p, s: s++, text: sentence });
    }
  });
  return numbered;
}

const hash8 = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 8);

/** Labelled sentences, each as an item of its own, for goldEval. */
export interface SentenceGold {
  gold: GoldPair[];
  items: Map<string, PortalItem>;
  /** Labels whose sentence is not in the corpus as numbered (or has changed: its hash differs). */
  missing: string[];
}

/**
 * The Chinese gold set (test/gold/xinwenlianbo-gold.tsv: ids, sentence
 * numbers, a hash of the sentence and labels): each labelled sentence is read
 * from the shared corpus and checked against its hash.
 */
export function chineseGold(path: string, broadcasts: readonly BroadcastItem[]): SentenceGold {
  const byId = new Map(broadcasts.map((b) => [b.id, b]));
  const rows = readTsv(path).rows;
  const gold = readGold(path);
  const result: SentenceGold = { gold: [], items: new Map(), missing: [] };
  gold.forEach((label, i) => {
    const row = rows[i];
    const key = `${label.id}#${row?.fields.get('p')}.${row?.fields.get('s')}`;
    const item = byId.get(label.id);
    const sentence = item ? numberedSentences(item.text).find((n) => `${n.p}` === row?.fields.get('p') && `${n.s}` === row?.fields.get('s')) : undefined;
    if (!item || !sentence || hash8(sentence.text) !== row?.fields.get('hash')) {
      result.missing.push(key);
      return;
    }
    result.gold.push({ ...label, id: key });
    result.items.set(key, { id: key, date: item.date, category: '', heading: false, text: sentence.text });
  });
  return result;
}

/** The Russian gold set (test/gold/ru-sentences.tsv): our own sentences about real events, with their labels. */
export function russianGold(path: string): SentenceGold {
  const result: SentenceGold = { gold: [], items: new Map(), missing: [] };
  for (const row of readTsv(path).rows) {
    const get = (name: string) => row.fields.get(name) ?? '';
    const id = `ru-${get('n')}`;
    result.items.set(id, { id, date: get('date'), category: '', heading: false, text: get('text') });
  }
  const numbered = readTsv(path).rows.map((row) => `ru-${row.fields.get('n') ?? ''}`);
  result.gold = readGold(path).map((label, i) => ({ ...label, id: numbered[i] as string }));
  return result;
}
