import { eld } from 'eld/extrasmall';

/** Languages the tool reads: each has its segmenter, gazetteer and lexicons (lexicons/, lexicons/zh/, lexicons/ru/). */
export type ReadLanguage = 'en' | 'zh' | 'ru';
export const READ_LANGUAGES: ReadonlySet<string> = new Set<ReadLanguage>(['en', 'zh', 'ru']);

/** A language as ISO 639-1, or `und` where a paragraph has too few letters to tell (it takes its document's). */
export type LanguageCode = string;
export const UNDETERMINED = 'und';

/** Fewer letters than this and a paragraph is too short to identify ("© 2024", "12:30 GMT"). */
export const MIN_LETTERS = 12;

type Script = 'latin' | 'han' | 'cyrillic' | 'kana' | 'hangul' | 'other';

const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/** Letters of each script in a text (ASCII counted without a regular expression: it is most of English text). */
export function scriptCounts(text: string): Record<Script, number> {
  const counts: Record<Script, number> = { latin: 0, han: 0, cyrillic: 0, kana: 0, hangul: 0, other: 0 };
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code | 32) >= 97 && (code | 32) <= 122) counts.latin += 1;
      continue;
    }
    const ch = text[i] as string;
    if (!LETTER.test(ch)) continue;
    if (HAN.test(ch)) counts.han += 1;
    else if (CYRILLIC.test(ch)) counts.cyrillic += 1;
    else if (LATIN.test(ch)) counts.latin += 1;
    else if (KANA.test(ch)) counts.kana += 1;
    else if (HANGUL.test(ch)) counts.hangul += 1;
    else counts.other += 1;
  }
  return counts;
}

/** The script of most of a text's letters (`latin`, `han`, `cyrillic`…), or '' for a text without letters. */
export function dominantScript(text: string): string {
  let best = '';
  let most = 0;
  for (const [script, count] of Object.entries(scriptCounts(text))) {
    if (count > most) {
      best = script;
      most = count;
    }
  }
  return best;
}

/**
 * English's commonest function words that are not words of other Latin-script
 * languages too (so not "in", "a", "is", "on", "was", "will", "at"). A paragraph
 * where they make up a good share of the lower-case words is English without
 * asking the detector. Measured on Reuters-21578 (README, "Languages").
 */
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'that', 'for', 'with', 'said', 'from', 'which', 'would', 'its', 'have', 'been', 'were', 'this', 'their', 'has', 'are', 'by']);
/** Share of function words above which a Latin paragraph is English. */
export const ENGLISH_SHARE = 0.1;
const LATIN_WORD = /[a-z]+/gi;

/**
 * Share of a paragraph's lower-case Latin words that are English function
 * words. Capitalised words are left out: in English they are names, and a
 * sentence that lists twenty countries is still English ("Delegates from
 * Chile, Peru, … signed the accord"). A paragraph in capitals (a headline) is
 * read whole.
 */
export function englishShare(text: string): number {
  let words = 0;
  let common = 0;
  let capitals = 0;
  let capitalCommon = 0;
  for (const match of text.matchAll(LATIN_WORD)) {
    const word = match[0];
    const lower = word.toLowerCase();
    const known = ENGLISH_FUNCTION_WORDS.has(lower) ? 1 : 0;
    if (word.charCodeAt(0) >= 97) {
      words += 1;
      common += known;
    } else {
      capitals += 1;
      capitalCommon += known;
    }
  }
  if (words > 0) return common / words;
  return capitals === 0 ? 0 : capitalCommon / capitals;
}

/**
 * The language of a paragraph. Script decides where it can: Han without kana is
 * Chinese, kana Japanese, Hangul Korean; Latin prose rich in English function
 * words is English. The rest (Cyrillic, other Latin text) goes to eld, the
 * Efficient Language Detector (n-gram, 60 languages; chosen over franc and tinyld
 * on news paragraphs, see README "Languages"), which tells Russian from
 * Ukrainian or Bulgarian and French from English.
 *
 * @example
 * paragraphLanguage('China and Pakistan signed the agreement on Tuesday.'); // 'en'
 * paragraphLanguage('中国与巴基斯坦签署了合作协议。'); // 'zh'
 * paragraphLanguage('Россия и Китай подписали соглашение о поставках газа.'); // 'ru'
 * paragraphLanguage('12:30 GMT'); // 'und'
 */
export function paragraphLanguage(text: string): LanguageCode {
  const counts = scriptCounts(text);
  const letters = counts.latin + counts.han + counts.cyrillic + counts.kana + counts.hangul + counts.other;
  if (letters < MIN_LETTERS) return UNDETERMINED;
  if (counts.kana > 0 && counts.kana + counts.han >= letters / 2) return 'ja';
  if (counts.han >= letters / 2) return 'zh';
  if (counts.hangul >= letters / 2) return 'ko';
  if (counts.latin >= letters / 2 && englishShare(text) >= ENGLISH_SHARE) return 'en';
  const detected = eld.detect(text).language;
  return detected === '' ? UNDETERMINED : detected;
}

/**
 * The language of a document: the language of most of its identified letters.
 * Paragraphs too short to identify take it.
 *
 * @example
 * documentLanguage([['en', 400], ['ru', 120]]); // 'en'
 */
export function documentLanguage(paragraphs: ReadonlyArray<readonly [LanguageCode, number]>): LanguageCode {
  const letters = new Map<LanguageCode, number>();
  for (const [language, size] of paragraphs) if (language !== UNDETERMINED) letters.set(language, (letters.get(language) ?? 0) + size);
  let best: LanguageCode = UNDETERMINED;
  let most = 0;
  // Ties go to the alphabetically first code, so the result never depends on paragraph order.
  for (const [language, size] of [...letters].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (size > most) {
      best = language;
      most = size;
    }
  }
  return best;
}
