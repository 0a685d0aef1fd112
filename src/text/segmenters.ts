import type { Token } from '../types/sentence.js';
import { chineseWords } from './chineseWords.js';
import type { ReadLanguage } from './language.js';
import { russianWords } from './russianWords.js';
import { splitSentences } from './sentences.js';
import { tokenizeWords } from './words.js';

const icuSentences = new Map<string, Intl.Segmenter>();

/**
 * A paragraph's sentences in its language. English keeps natural's splitter
 * (it knows "U.S." and "Gen."); Chinese and Russian use ICU's sentence rules
 * through `Intl.Segmenter`, built into Node: full-width 。！？ and
 * abbreviations such as "т. е." are handled there.
 *
 * @example
 * sentencesIn('zh', '中方表示欢迎。双方签署了协议。'); // ['中方表示欢迎。', '双方签署了协议。']
 */
export function sentencesIn(language: ReadLanguage, paragraph: string): string[] {
  if (language === 'en') return splitSentences(paragraph);
  let segmenter = icuSentences.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    icuSentences.set(language, segmenter);
  }
  const sentences: string[] = [];
  for (const { segment } of segmenter.segment(paragraph)) {
    const sentence = segment.trim();
    if (sentence !== '') sentences.push(sentence);
  }
  return sentences;
}

/**
 * A sentence's words in its language, each with the key lexicons are looked up
 * by: English lower case without "'s"; Russian stems; Chinese words as jieba
 * reads them with our lexicons in its dictionary.
 *
 * @example
 * wordsIn('ru', 'Россия ввела санкции').map((t) => t.lower); // ['росс', 'ввел', 'санкц']
 */
export function wordsIn(language: ReadLanguage, sentence: string): Token[] {
  if (language === 'zh') return chineseWords(sentence);
  if (language === 'ru') return russianWords(sentence);
  return tokenizeWords(sentence);
}
