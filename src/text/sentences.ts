import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';

/**
 * Abbreviations that end in a full stop but do not end a sentence. natural
 * matches them anywhere in a word, so only forms that cannot be the tail of an
 * ordinary word are listed ("Co." would swallow the stop in "Mexico.").
 */
export const ABBREVIATIONS: readonly string[] = [
  'U.S.', 'U.K.', 'U.N.', 'E.U.', 'U.A.E.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Pvt.', 'Ltd.', 'Inc.',
  'Corp.', 'Gov.', 'Sen.', 'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.', 'vs.',
];

/**
 * A middle initial: one capital letter and a stop after a capitalised word and before another
 * ("George W. Bush", "John F. Kennedy"), which natural took for the end of a sentence. "Plan B. The
 * talks…" is joined too; a capitalised word, a lone letter and a stop end a sentence far less often
 * in news than a name's middle initial appears.
 */
const MIDDLE_INITIAL = /(?<=(?:^|[\s(])\p{Lu}[\p{L}'’-]+\s)\p{Lu}\.(?=\s+\p{Lu})/gu;

const LONE_CAPITAL = /\s\p{Lu}\.\s/u;

/** What every URI or e-mail address natural looks for contains (its pattern ignores case). */
const MAY_HOLD_URI = /:\/\/|www\.|@/i;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * natural's SentenceTokenizer with the same phases and placeholders, but
 * without its quadratic bookkeeping: natural builds a new RegExp for every
 * placeholder of the paragraph and runs it over every sentence to put the
 * original text back, and compiles the abbreviation pattern on every call.
 * On Reuters' number-heavy paragraphs that was a quarter of the analysis
 * time. Here the abbreviation pattern is compiled once, and each sentence is
 * restored in one pass that looks placeholders up in natural's own maps, so
 * the sentences are the same.
 */
class SinglePassSentenceTokenizer extends SentenceTokenizer {
  private readonly abbreviationPattern = new RegExp(`(${ABBREVIATIONS.map(escapeRegExp).join('|')})`, 'gi');

  /**
   * natural's URI pattern tries an e-mail address at every letter, which
   * costs more the longer the words; every form it knows needs "://",
   * "www." or "@", so text with none of them has no URI to hide.
   */
  override replaceUrisWithPlaceholders(text: string): string {
    return MAY_HOLD_URI.test(text) ? super.replaceUrisWithPlaceholders(text) : text;
  }

  override replaceAbbreviations(text: string): string {
    const shielded = (match: string) => this.placeholder('ABBREV', match);
    const abbreviated = text.replace(this.abbreviationPattern, shielded);
    // The look-behind is tried at every position: asked only of text with a lone capital before a stop.
    return LONE_CAPITAL.test(abbreviated) ? abbreviated.replace(MIDDLE_INITIAL, shielded) : abbreviated;
  }

  override splitOnPlaceholders(text: string): string[] {
    const sentences: string[] = [];
    let from = 0;
    for (const found of text.matchAll(/\{\{DELIM_\d+\}\}/g)) {
      if (!this.delimiterMap.has(found[0])) continue;
      const end = found.index + found[0].length;
      sentences.push(text.slice(from, end));
      from = end;
    }
    sentences.push(text.slice(from));
    return sentences;
  }

  override revertReplacements(text: string): string {
    return text.replace(/\{\{(?:ABBREV|URI|NUMBER)_\d+\}\}/g, (code) => this.replacementMap.get(code) ?? code);
  }

  override revertDelimiters(text: string): string {
    return text.replace(/\{\{DELIM_\d+\}\}/g, (code) => this.delimiterMap.get(code) ?? code);
  }

  private placeholder(base: string, original: string): string {
    const code = `{{${base}_${this.replacementCounter++}}}`;
    this.replacementMap.set(code, original);
    return code;
  }
}

const tokenizer = new SinglePassSentenceTokenizer([...ABBREVIATIONS], true);

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
