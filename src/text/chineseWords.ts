import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Jieba } from '@node-rs/jieba';
import type { Token } from '../types/sentence.js';
import { LEXICON_DIR } from '../util/paths.js';
import { readTsv } from '../util/tsv.js';

/** The columns of the Chinese lexicons that hold words: terms, patterns, leaders' names and short forms. */
const WORD_COLUMNS = ['term', 'pattern', 'name', 'alone'];
/** The lexicons whose words name countries (and leaders, who stand for them). */
const ACTOR_FILES = new Set(['countries.tsv', 'leaders.tsv']);
/**
 * Frequency given to our words that jieba's dictionary lacks: that of a common
 * word. Much higher and a short pair abbreviation eats its neighbour's first
 * character ("中越过" read as 中越 + 过); much lower and it is split.
 */
const USER_WORD_FREQUENCY = 3000;

interface ChineseLexiconWords {
  /** Country names, abbreviations and leaders' names (and CLDR's names), with the codes they name: never to be hidden inside a longer word. */
  actors: Map<string, string>;
  all: Set<string>;
}

/** Every word of the Chinese lexicons (lexicons/zh/) and CLDR's Chinese name of every country. */
export function chineseLexiconWords(dir: string = join(LEXICON_DIR, 'zh')): ChineseLexiconWords {
  const words: ChineseLexiconWords = { actors: new Map(), all: new Set() };
  if (existsSync(dir)) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
      for (const row of readTsv(join(dir, file)).rows) {
        for (const column of WORD_COLUMNS) {
          for (const word of (row.fields.get(column) ?? '').split(' ')) {
            if (word === '' || word === '*' || word === '-') continue;
            words.all.add(word);
            if (ACTOR_FILES.has(file)) words.actors.set(word, row.fields.get('code') ?? '');
          }
        }
      }
    }
  }
  const names = new Intl.DisplayNames(['zh'], { type: 'region' });
  for (const row of readTsv(join(LEXICON_DIR, 'country-codes.tsv')).rows) {
    const code = row.fields.get('code') ?? '';
    const name = names.of(code);
    if (name) {
      words.actors.set(name, code);
      words.all.add(name);
    }
  }
  return words;
}

/** The codes of the names a word holds inside it, not as the whole word ("美国总统" holds 美国, US). */
function namesInside(word: string, names: ReadonlyMap<string, string>): string[] {
  const inside: string[] = [];
  for (let from = 0; from < word.length; from += 1) {
    for (let to = from + 2; to <= word.length; to += 1) {
      const code = (from > 0 || to < word.length) && names.get(word.slice(from, to));
      if (code) inside.push(code);
    }
  }
  return inside;
}

/**
 * jieba's dictionary without the words that would hide a country's name
 * inside them (美国总统, 中美关系, 中国共产党 are read as the name and the rest),
 * with our words it lacks, and with our words it has at least as frequent as
 * a common word (its 中美 is rare, and lost to 中 + 美). A lexicon word that
 * holds a name of the same country (俄罗斯总统, RU, holds 俄罗斯) is left out of
 * the dictionary too: the name alone finds the country, and the longer word
 * would swallow a neighbour's characters (白俄罗斯总统 read 白 + 俄罗斯总统).
 * Returns the dictionary's lines.
 */
export function chineseDictionary(base: string, words: ChineseLexiconWords): string {
  const redundant = (word: string) => {
    const code = words.actors.get(word);
    return code !== undefined && namesInside(word, words.actors).includes(code);
  };
  const ours = new Set([...words.all].filter((w) => !redundant(w)));
  const kept: string[] = [];
  for (const line of base.split('\n')) {
    const [word = '', frequency = '0', tag = 'n'] = line.split(' ');
    if (word === '' || namesInside(word, words.actors).length > 0) continue;
    if (ours.has(word)) {
      ours.delete(word);
      kept.push(`${word} ${Math.max(Number(frequency), USER_WORD_FREQUENCY)} ${tag}`);
    } else if (!words.all.has(word) || !redundant(word)) kept.push(line);
  }
  for (const word of [...ours].sort()) kept.push(`${word} ${USER_WORD_FREQUENCY} n`);
  return kept.join('\n');
}

let segmenter: Jieba | null = null;

/**
 * jieba (`@node-rs/jieba`, prebuilt binaries) over chineseDictionary, loaded on
 * the first Chinese sentence: a run over English news never pays for it.
 * Chosen over ICU's `Intl.Segmenter`, which splits names that are not in its
 * dictionary into characters (习|近平, 奥|巴|马).
 */
function chineseSegmenter(): Jieba {
  if (segmenter === null) {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    const lines = chineseDictionary(Buffer.from(dict).toString('utf8'), chineseLexiconWords());
    segmenter = JiebaClass.withDict(Buffer.from(lines));
  }
  return segmenter;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * A Chinese sentence's words with their spans, punctuation and spaces left
 * out. The look-up key is the word itself (Chinese does not inflect).
 *
 * @example
 * chineseWords('中方对此表示强烈不满').map((t) => t.text); // ['中方', '对此', '表示', '强烈不满']
 */
export function chineseWords(sentence: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const word of chineseSegmenter().cut(sentence, false)) {
    const start = at;
    at += word.length;
    if (WORDLIKE.test(word)) tokens.push({ text: word, lower: word, start, end: at });
  }
  return tokens;
}
