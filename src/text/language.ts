import { eld } from 'eld/extrasmall';

/** Languages the tool reads: each has its segmenter, gazetteer and lexicons (lexicons/, lexicons/zh/, lexicons/ru/). */
export type ReadLanguage = 'en' | 'zh' | 'ru';
export const READ_LANGUAGES: ReadonlySet<string> = new Set<ReadLanguage>(['en', 'zh', 'ru']);

/** A language as ISO 639-1, or `und` where a paragraph has too few letters to tell (it takes its document's). */
export type LanguageCode = string;
export const UNDETERMINED = 'und';

/**
 * Fewer letters than this and a paragraph is too short to identify ("© 2024", "12:30 GMT"). A Chinese
 * or Japanese character counts as three: "普京感谢中方的大力支持。" is a whole sentence in eleven.
 */
export const MIN_LETTERS = 12;

type Script = 'latin' | 'han' | 'cyrillic' | 'kana' | 'hangul' | 'other';

const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/** The script of a non-ASCII letter; ranges for the common blocks (a regular expression a character was a third of the Russian reading time), the Unicode properties for the rest. */
function scriptOf(code: number, ch: string): Script | null {
  if (code >= 0x0410 && code <= 0x044f) return 'cyrillic'; // А–я
  if (code >= 0x4e00 && code <= 0x9fff) return 'han'; // CJK unified ideographs
  if (code >= 0x3040 && code <= 0x30ff) return 'kana';
  if (code >= 0xac00 && code <= 0xd7a3) return 'hangul';
  if (!LETTER.test(ch)) return null;
  if (HAN.test(ch)) return 'han';
  if (CYRILLIC.test(ch)) return 'cyrillic';
  if (LATIN.test(ch)) return 'latin';
  if (KANA.test(ch)) return 'kana';
  if (HANGUL.test(ch)) return 'hangul';
  return 'other';
}

/** Letters of each script in a text (ASCII counted without a regular expression: it is most of English text). */
export function scriptCounts(text: string): Record<Script, number> {
  const counts: Record<Script, number> = { latin: 0, han: 0, cyrillic: 0, kana: 0, hangul: 0, other: 0 };
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code | 32) >= 97 && (code | 32) <= 122) counts.latin += 1;
      continue;
    }
    const script = scriptOf(code, text[i] as string);
    if (script !== null) counts[script] += 1;
  }
  return counts;
}

/**
 * Russian by its letters: none of the letters that Ukrainian, Belarusian, Serbian, Macedonian,
 * Kazakh and Tajik have and Russian lacks (і ї є ґ ў ј љ њ ћ џ ѓ ќ ѕ ә ғ қ ң ө ұ ү һ ҷ ҳ ӣ ӯ), and either ы or э (which
 * Bulgarian lacks too) or no ъ used as a vowel before a consonant, as Bulgarian writes it (България,
 * към) and Russian never does. A short sentence such as "Китай встретил Путина." has neither
 * ы nor э, and the detector alone took it for Bulgarian. Other Cyrillic text goes to the detector.
 */
const RUSSIAN_ONLY = /[ыэЫЭ]/;
const OTHER_CYRILLIC = /[іїєґўјљњћџѓќѕәғқңөұүһҷҳӣӯІЇЄҐЎЈЉЊЋЏЃЌЅӘҒҚҢӨҰҮҺҶҲӢӮ]/;
const BULGARIAN_HARD_SIGN = /[ъЪ][бвгджзклмнпрстфхцчшщБВГДЖЗКЛМНПРСТФХЦЧШЩ]/;

export function looksRussian(text: string): boolean {
  return !OTHER_CYRILLIC.test(text) && (RUSSIAN_ONLY.test(text) || !BULGARIAN_HARD_SIGN.test(text));
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
const LONGEST_FUNCTION_WORD = Math.max(...[...ENGLISH_FUNCTION_WORDS].map((w) => w.length));
/** Characters of a paragraph whose words decide the English share: some sixty words. */
const SHARE_SAMPLE = 400;

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
  // The first words settle it: a long paragraph is not read twice over. A hand-written scan: only words
  // as short as the function words are cut out and looked up (a regular expression over every word was
  // 2% of an English run).
  const end = Math.min(text.length, SHARE_SAMPLE);
  let start = -1;
  for (let i = 0; i <= end; i += 1) {
    const code = i < end ? text.charCodeAt(i) | 32 : 0;
    const letter = code >= 97 && code <= 122;
    if (letter) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const length = i - start;
    const lowerFirst = text.charCodeAt(start) >= 97;
    const known = length <= LONGEST_FUNCTION_WORD && ENGLISH_FUNCTION_WORDS.has(text.slice(start, i).toLowerCase()) ? 1 : 0;
    if (lowerFirst) {
      words += 1;
      common += known;
    } else {
      capitals += 1;
      capitalCommon += known;
    }
    start = -1;
  }
  if (words > 0) return common / words;
  return capitals === 0 ? 0 : capitalCommon / capitals;
}

/**
 * The language of a paragraph. Script decides where it can: Han without kana is
 * Chinese, kana Japanese, Hangul Korean; Latin prose rich in English function
 * words is English, Cyrillic text with Russian's own letters Russian (looksRussian).
 * The rest (other Cyrillic and Latin text) goes to eld, the
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
  if (letters + 2 * (counts.han + counts.kana) < MIN_LETTERS) return UNDETERMINED;
  if (counts.kana > 0 && counts.kana + counts.han >= letters / 2) return 'ja';
  if (counts.han >= letters / 2) return 'zh';
  if (counts.hangul >= letters / 2) return 'ko';
  if (counts.latin >= letters / 2 && englishShare(text) >= ENGLISH_SHARE) return 'en';
  if (counts.cyrillic >= letters / 2 && looksRussian(text)) return 'ru';
  // eld says when its n-grams were too few or too evenly spread to tell ("ATHLETE BOB HAYES DIES."): then the page decides.
  const detected = eld.detect(text);
  if (detected.language === '' || !detected.isReliable()) return UNDETERMINED;
  return counts.latin >= letters / 2 && nearEnglish(detected) ? 'en' : detected.language;
}

/**
 * Latin text that eld puts in another language, but with English's score close behind, is English:
 * short English headlines and bullets ("Warren Zevon dies in Los Angeles", read as German) are far
 * commoner in news than such short text in another language, and an English line read as foreign is
 * lost. Measured on 83,136 English titles and portal bullets and our sentences in eleven other
 * languages: a margin of 1.3 leaves 240 English lines (0.3%) read as another language, against 1,299
 * with none, and reads every one of the foreign sentences right; 1.5 takes French for English.
 */
export const ENGLISH_MARGIN = 1.3;

function nearEnglish(detected: ReturnType<typeof eld.detect>): boolean {
  if (detected.language === 'en') return true;
  const scores = detected.getScores();
  return (scores[detected.language] ?? 0) < ENGLISH_MARGIN * (scores.en ?? 0);
}

/** The language read in each script when nothing else tells: a page whose paragraphs are all too short or unclear. */
const SCRIPT_LANGUAGES: Readonly<Record<string, LanguageCode>> = { latin: 'en', han: 'zh', cyrillic: 'ru' };

/**
 * The language of a text that could not be identified: the language the tool reads in its script
 * (English for Latin, Chinese for Han, Russian for Cyrillic), or `und`.
 *
 * @example
 * fallbackLanguage('U.S. WEEKLY SOYBEAN CRUSH'); // 'en'
 */
export function fallbackLanguage(text: string): LanguageCode {
  return SCRIPT_LANGUAGES[dominantScript(text)] ?? UNDETERMINED;
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
