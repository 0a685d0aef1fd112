import type { Sentence } from '../types/sentence.js';
import { isBoilerplate, isSourceCredit, opensDisclaimer, withoutChineseCredit } from './boilerplate.js';
import { type LanguageCode, READ_LANGUAGES, type ReadLanguage, UNDETERMINED, documentLanguage, dominantScript, ENGLISH_SHARE, englishShare, fallbackLanguage, paragraphLanguage, scriptCounts } from './language.js';
import { sentencesIn } from './segmenters.js';

/** The article's sentences and a count of what was left out and why. */
export interface ArticleBody {
  sentences: Sentence[];
  /** Paragraphs of page furniture, and source-credit lines ("(Reuters) (AP)"), left out. */
  boilerplateParagraphs: number;
  /** Sentences in a language the tool does not read (see READ_LANGUAGES), counted and left out. */
  otherLanguageSentences: number;
  /** The language of most of the body's letters (`und` if none could be told). */
  lang: LanguageCode;
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
    .flatMap((p) => p.split(/(?<=[.!?。！？]["'”’)」]?)[ \t]*\r?\n/))
    .flatMap(byScript)
    .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Lines of a block in different scripts are different paragraphs, though no
 * blank line parts them: a Russian menu line above an English headline
 * ("Добавить новость" / "News in English") is not one paragraph with it.
 */
function byScript(block: string): string[] {
  if (!NON_ASCII.test(block)) return [block];
  const runs: string[] = [];
  let current: string[] = [];
  let script = '';
  for (const line of block.split(/\r?\n/)) {
    const own = dominantScript(line);
    if (own !== '' && script !== '' && own !== script && current.length > 0) {
      runs.push(current.join('\n'));
      current = [];
    }
    if (own !== '') script = own;
    current.push(line);
  }
  runs.push(current.join('\n'));
  return runs;
}

/**
 * Fewer letters than this and a paragraph is too short to be prose: a menu
 * item or a link ("Лучшие каналы в Telegram."). A Chinese character counts as
 * three letters, about what it carries against an alphabet's letter.
 */
export const MIN_PROSE_LETTERS = 24;
const SENTENCE_END = /[.!?。！？…]["'”’»)」]?$/;

/** The page's language, each paragraph's, and which paragraphs are furniture in another language. */
interface PageLanguages {
  lang: LanguageCode;
  paragraphs: Array<{ paragraph: string; language: LanguageCode }>;
  furniture: boolean[];
}

/**
 * A text in ASCII alone whose first words are English, or that holds no prose at all (a table of
 * figures under a headline: "Shr 64 cts vs 46 cts"), is English throughout: no other script can hide
 * in it, and its lines are not asked one by one. Tables under capitalised headlines were most of the
 * detector's calls on Reuters, and its guesses on them (Dutch, Latin) lost their sentences; Latin
 * text that cannot be identified is read as English anyway (fallbackLanguage).
 */
function isPlainEnglish(text: string, kept: readonly string[]): boolean {
  return !NON_ASCII.test(text) && (englishShare(text) >= ENGLISH_SHARE || !kept.some(isProse));
}

function plainEnglish(kept: readonly string[]): PageLanguages {
  return { lang: 'en', paragraphs: kept.map((paragraph) => ({ paragraph, language: 'en' })), furniture: kept.map(() => false) };
}

/**
 * Each paragraph's language and the page's. The page's language is its prose's: menus and headline
 * lists around an article do not outvote it; a page with nothing identified (a headline, a one-line
 * bullet) is read in the language the tool reads in its script. A line too short to be prose, in the
 * page's own script, that the detector put in another language (a headline, a caption) is in the
 * page's language: detectors misjudge short lines, and the script says more.
 */
function pageLanguages(kept: readonly string[]): PageLanguages {
  const found = kept.map((paragraph) => ({ paragraph, language: paragraphLanguage(paragraph) }));
  const prose = found.filter((k) => isProse(k.paragraph));
  const main = prose.length > 0 ? prose : found;
  const identified = documentLanguage(main.map((k) => [k.language, k.paragraph.length]));
  const lang = identified === UNDETERMINED ? fallbackLanguage(kept.join(' ')) : identified;
  const script = dominantScript(main.map((k) => k.paragraph).join(' '));
  const settled = found.map((k) => (k.language !== lang && !isProse(k.paragraph) && dominantScript(k.paragraph) === script ? { ...k, language: UNDETERMINED } : k));
  return { lang, paragraphs: settled, furniture: foreignFurniture(settled, lang) };
}

/**
 * Which paragraphs are page furniture in another language than the page's:
 * those that are not prose (headlines of other news, menu items), those that
 * stand more than once on the page (teasers repeat, an article's text does
 * not), and those next to such furniture, since menus and teaser lists come in
 * blocks. A quoted statement in another language, between paragraphs of the
 * article, is read.
 */
function foreignFurniture(kept: ReadonlyArray<{ paragraph: string; language: LanguageCode }>, lang: LanguageCode): boolean[] {
  const foreign = kept.map((k) => k.language !== UNDETERMINED && k.language !== lang);
  const seen = new Map<string, number>();
  for (const k of kept) seen.set(k.paragraph, (seen.get(k.paragraph) ?? 0) + 1);
  const furniture = kept.map((k, at) => foreign[at] === true && (!isProse(k.paragraph) || (seen.get(k.paragraph) ?? 0) > 1));
  // Spread through runs of foreign paragraphs, both ways, so a block is judged whole.
  for (let at = 1; at < kept.length; at += 1) if (foreign[at] && furniture[at - 1]) furniture[at] = true;
  for (let at = kept.length - 2; at >= 0; at -= 1) if (foreign[at] && furniture[at + 1]) furniture[at] = true;
  return furniture;
}

/** Whether a paragraph reads as prose: it ends a sentence and is long enough. */
function isProse(paragraph: string): boolean {
  if (!SENTENCE_END.test(paragraph)) return false;
  const counts = scriptCounts(paragraph);
  return counts.latin + counts.cyrillic + counts.other + counts.hangul + 3 * (counts.han + counts.kana) >= MIN_PROSE_LETTERS;
}

/** Longest piece handed to the sentence splitter at once; see boundedPieces. */
export const MAX_PIECE = 2_000;
const SAFE_CUT = /[.!?]["'”’)\]]?\s+(?=["“‘(]?\p{Lu})/gu;

/**
 * Cut `text` into pieces of at most `max` characters, each ending where `cutOf` says in the next
 * `max` characters (0 or less: anywhere, at `max`). Both splitters below are this loop.
 */
function cutInto(text: string, max: number, cutOf: (window: string) => number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutOf(rest.slice(0, max));
    const at = cut > 0 ? cut : max;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  pieces.push(rest);
  return pieces;
}

/** Where the last match of `marks` in a window ends, or −1. */
function lastMarkEnd(window: string, marks: RegExp): number {
  let cut = -1;
  for (const match of window.matchAll(marks)) cut = (match.index ?? 0) + match[0].length;
  return cut;
}

/**
 * Cut a long paragraph into pieces of at most MAX_PIECE characters, at a
 * sentence end followed by a capital where there is one, else at a space,
 * else anywhere (a giant token). natural's sentence splitter does work in
 * proportion to length × sentences, so unbounded paragraphs (a page with no
 * blank lines, a 50 MB line) would take minutes; bounded pieces keep it linear.
 */
export function boundedPieces(paragraph: string): string[] {
  return cutInto(paragraph, MAX_PIECE, (window) => {
    const cut = lastMarkEnd(window, SAFE_CUT);
    return cut > 0 ? cut : window.lastIndexOf(' ') + 1;
  });
}

/** Longest Chinese or Russian sentence read at once: a run-on "sentence" past it is cut at a clause mark. */
export const MAX_SENTENCE = 600;
const CLAUSE_MARK = /[，,；;：:、\s]/gu;

/**
 * ICU never cuts an unpunctuated paragraph, and role rules do work in proportion to the actors and
 * events of a sentence squared: a run-on line of a transcript or a scraped page is cut into pieces
 * of at most MAX_SENTENCE characters, at the last clause mark or space, else anywhere.
 */
export function boundedSentences(sentence: string): string[] {
  return cutInto(sentence, MAX_SENTENCE, (window) => lastMarkEnd(window, CLAUSE_MARK))
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

/**
 * Extract the sentences of an article body: drop page boilerplate (footers,
 * disclaimers), identify each paragraph's language (a paragraph too short to
 * tell takes the document's), and split the paragraphs in a language the tool
 * reads into sentences; sentences in other languages are counted, not read.
 *
 * @example
 * articleBody('China and Pakistan met.\n\nThe post X appeared first on Y.').sentences;
 * // [{ index: 0, text: 'China and Pakistan met.', lang: 'en' }]
 */
export function articleBody(text: string): ArticleBody {
  const kept: string[] = [];
  let boilerplateParagraphs = 0;
  let inDisclaimer = false;
  for (const paragraph of paragraphs(text)) {
    if (inDisclaimer || isBoilerplate(paragraph)) {
      boilerplateParagraphs += 1;
      // A bare "DISCLAIMER" heading covers the paragraph that follows it.
      inDisclaimer = !inDisclaimer && opensDisclaimer(paragraph);
      continue;
    }
    kept.push(paragraph);
  }
  const { lang, paragraphs: settled, furniture } = isPlainEnglish(text, kept) ? plainEnglish(kept) : pageLanguages(kept);
  const body: ArticleBody = { sentences: [], boilerplateParagraphs, otherLanguageSentences: 0, lang };
  settled.forEach(({ paragraph, language }, at) => {
    const read = language === UNDETERMINED ? lang : language;
    if (furniture[at]) {
      body.boilerplateParagraphs += 1;
      return;
    }
    const pieces = read === 'en' ? boundedPieces(paragraph) : [read === 'zh' ? withoutChineseCredit(paragraph) : paragraph];
    const split = (piece: string) => (read === 'en' ? sentencesIn('en', piece) : sentencesIn(read as ReadLanguage, piece).flatMap(boundedSentences));
    for (const sentence of pieces.flatMap((piece) => (READ_LANGUAGES.has(read) ? split(piece) : [piece]))) {
      if (isSourceCredit(sentence)) {
        body.boilerplateParagraphs += 1;
        continue;
      }
      if (!READ_LANGUAGES.has(read)) {
        body.otherLanguageSentences += 1;
        continue;
      }
      body.sentences.push({ index: body.sentences.length, text: sentence, lang: read });
    }
  });
  return body;
}
