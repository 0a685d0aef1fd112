import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';

/**
 * Abbreviations that end in a full stop but do not end a sentence. natural
 * matches them anywhere in a word, so only forms that cannot be the tail of an
 * ordinary word are listed ("Co." would swallow the stop in "Mexico.").
 */
const ABBREVIATIONS = [
  'U.S.', 'U.K.', 'U.N.', 'E.U.', 'U.A.E.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Pvt.', 'Ltd.', 'Inc.',
  'Corp.', 'Gov.', 'Sen.', 'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.', 'vs.',
];
const tokenizer = new SentenceTokenizer(ABBREVIATIONS, true);

/**
 * Split a paragraph into sentences with natural's SentenceTokenizer.
 *
 * @example
 * splitSentences('The U.S. objected. China did not.');
 * // ['The U.S. objected.', 'China did not.']
 */
export function splitSentences(paragraph: string): string[] {
  const trimmed = paragraph.trim();
  if (trimmed === '') return [];
  return tokenizer.tokenize(trimmed).filter((s) => /[\p{L}\p{N}]/u.test(s));
}
