import type { Sentence } from '../types/sentence.js';
import { isBoilerplate, isSourceCredit, opensDisclaimer } from './boilerplate.js';
import { looksEnglish } from './language.js';
import { splitSentences } from './sentences.js';

/** The article's sentences and a count of what was left out and why. */
export interface ArticleBody {
  sentences: Sentence[];
  /** Paragraphs of page furniture, and source-credit lines ("(Reuters) (AP)"), left out. */
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

/** Longest piece handed to the sentence splitter at once; see boundedPieces. */
export const MAX_PIECE = 2_000;
const SAFE_CUT = /[.!?]["'”’)\]]?\s+(?=["“‘(]?\p{Lu})/gu;

/**
 * Cut a long paragraph into pieces of at most MAX_PIECE characters, at a
 * sentence end followed by a capital where there is one, else at a space,
 * else anywhere (a giant token). natural's sentence splitter does work in
 * proportion to length × sentences, so unbounded paragraphs (a page with no
 * blank lines, a 50 MB line) would take minutes; bounded pieces keep it linear.
 */
export function boundedPieces(paragraph: string): string[] {
  const pieces: string[] = [];
  let rest = paragraph;
  while (rest.length > MAX_PIECE) {
    const window = rest.slice(0, MAX_PIECE);
    let cut = -1;
    for (const match of window.matchAll(SAFE_CUT)) cut = (match.index ?? 0) + match[0].length;
    if (cut <= 0) cut = window.lastIndexOf(' ') + 1;
    if (cut <= 0) cut = MAX_PIECE;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
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
    for (const sentence of boundedPieces(paragraph).flatMap(splitSentences)) {
      if (isSourceCredit(sentence)) {
        body.boilerplateParagraphs += 1;
        continue;
      }
      if (!looksEnglish(sentence)) {
        body.nonEnglishSentences += 1;
        continue;
      }
      body.sentences.push({ index: body.sentences.length, text: sentence });
    }
  }
  return body;
}
