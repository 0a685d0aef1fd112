import type { Sentence } from '../types.js';
import { isBoilerplate, opensDisclaimer } from './boilerplate.js';
import { looksEnglish } from './language.js';
import { splitSentences } from './sentences.js';

/** The article's sentences and a count of what was left out and why. */
export interface ArticleBody {
  sentences: Sentence[];
  boilerplateParagraphs: number;
  nonEnglishSentences: number;
}

/**
 * Paragraphs are separated by blank lines or by a line break followed by
 * an indent (newswire style). Inside one, a line that ends a sentence is a
 * safe place to cut, so the sentence splitter gets short pieces (natural's
 * splitter slows down sharply on long inputs); other line breaks are
 * hard wrapping and are joined.
 */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n|\r?\n(?=[ \t]{2,}\S)/)
    .flatMap((p) => p.split(/(?<=[.!?]["'”’)]?)[ \t]*\r?\n/))
    .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
}

/**
 * Extract the sentences of an article body: drop page boilerplate (footers,
 * disclaimers) and sentences not in English, split the rest with natural.
 *
 * @example
 * articleBody('China and Pakistan met.\n\nThe post X appeared first on Y.').sentences;
 * // [{ index: 0, text: 'China and Pakistan met.' }]
 */
export function articleBody(text: string): ArticleBody {
  const body: ArticleBody = { sentences: [], boilerplateParagraphs: 0, nonEnglishSentences: 0 };
  let inDisclaimer = false;
  for (const paragraph of paragraphs(text)) {
    if (inDisclaimer || isBoilerplate(paragraph)) {
      body.boilerplateParagraphs += 1;
      // A bare "DISCLAIMER" heading covers the paragraph that follows it.
      inDisclaimer = !inDisclaimer && opensDisclaimer(paragraph);
      continue;
    }
    for (const sentence of splitSentences(paragraph)) {
      if (!looksEnglish(sentence)) {
        body.nonEnglishSentences += 1;
        continue;
      }
      body.sentences.push({ index: body.sentences.length, text: sentence });
    }
  }
  return body;
}
