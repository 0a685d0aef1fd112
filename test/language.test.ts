import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE, articleBody, boundedSentences } from '../src/text/body.js';
import { chineseDictionary, chineseWords } from '../src/text/chineseWords.js';
import { UNDETERMINED, documentLanguage, englishShare, paragraphLanguage } from '../src/text/language.js';
import { russianKey, russianWords } from '../src/text/russianWords.js';
import { sentencesIn } from '../src/text/segmenters.js';

// Our own sentences, one per language, about real events.
const ENGLISH = 'China and Pakistan signed an agreement on the economic corridor in April 2015.';
const CHINESE = '2015年4月，中国与巴基斯坦签署了关于经济走廊的合作协议。';
const RUSSIAN = 'В мае 2014 года Россия и Китай подписали соглашение о поставках газа.';
const UKRAINIAN = 'У травні 2014 року Росія та Китай підписали угоду про постачання газу.';
const FRENCH = 'La France et l’Allemagne ont signé un nouveau traité de coopération à Aix-la-Chapelle.';
const GERMAN = 'Deutschland und Frankreich haben einen neuen Freundschaftsvertrag in Aachen unterzeichnet.';
const JAPANESE = '日本と韓国の外相は東京で会談し、関係の改善を確認した。';
const BULGARIAN = 'България и Русия подписаха споразумение за доставки на природен газ през зимата.';

describe('paragraphLanguage', () => {
  it('tells the languages of news apart, Russian from Ukrainian and English from French and German', () => {
    expect(paragraphLanguage(ENGLISH)).toBe('en');
    expect(paragraphLanguage(CHINESE)).toBe('zh');
    expect(paragraphLanguage(RUSSIAN)).toBe('ru');
    expect(paragraphLanguage(UKRAINIAN)).toBe('uk');
    expect(paragraphLanguage(FRENCH)).toBe('fr');
    expect(paragraphLanguage(GERMAN)).toBe('de');
    expect(paragraphLanguage(JAPANESE)).toBe('ja');
    // Bulgarian has neither ы nor э: it is not taken for Russian by its letters, and the detector tells it.
    expect(paragraphLanguage(BULGARIAN)).toBe('bg');
  });

  it('leaves a paragraph with too few letters undetermined', () => {
    expect(paragraphLanguage('12:30 GMT')).toBe(UNDETERMINED);
    expect(paragraphLanguage('© 2024')).toBe(UNDETERMINED);
  });

  it('reads a sentence that is mostly a list of names as English by its lower-case words', () => {
    const list = 'Delegates from Chile, Peru, Brazil, Argentina, Uruguay, Paraguay, Bolivia, Ecuador and Colombia signed the accord.';
    expect(englishShare(list)).toBeGreaterThan(0.15);
    expect(paragraphLanguage(list)).toBe('en');
  });
});

describe('short English lines', () => {
  it('never reads a short English headline as another language', () => {
    for (const line of ['Veteran sprinter dies in Los Angeles', 'MALAYSIA RE-IMPOSES EXPORT DUTIES ON RUBBER', 'Tour de France: champion wins his fifth consecutive title']) {
      expect(['en', UNDETERMINED], line).toContain(paragraphLanguage(line));
    }
  });

  it('keeps a title in capitals above an English story, and reads a lone line of Latin text as English', () => {
    const body = articleBody('MALAYSIA RE-IMPOSES EXPORT DUTIES ON RUBBER\n\nMalaysia said it would again levy duties on rubber exports from next month, officials said.');
    expect(body.sentences.map((s) => s.lang)).toEqual(['en', 'en']);
    expect(articleBody('Veteran sprinter dies in Los Angeles.').sentences.map((s) => s.lang)).toEqual(['en']);
  });

  it("drops a Chinese broadcaster's credit that opens a paragraph, keeping what follows", () => {
    const body = articleBody('央视网消息(新闻联播)：国家主席习近平今天在人民大会堂会见了俄罗斯总统普京。\n\n新华社北京5月8日电 中俄两国签署了能源合作协议。');
    expect(body.sentences.map((s) => s.text)).toEqual(['国家主席习近平今天在人民大会堂会见了俄罗斯总统普京。', '中俄两国签署了能源合作协议。']);
    expect(articleBody('中方得到消息称，美方将访华。').sentences.map((s) => s.text)).toEqual(['中方得到消息称，美方将访华。']);
  });

  it('reads a table of figures under a headline as English, not as whatever its abbreviations look like', () => {
    const table = 'HARBOUR FOODS LTD 2ND QTR NET\n\nShr loss 12 cts vs profit 30 cts\nNet loss 1,250,000 vs profit 2,900,000\nRevs 48.3 mln vs 51.7 mln';
    const body = articleBody(table);
    expect(body.lang).toBe('en');
    expect(body.otherLanguageSentences).toBe(0);
  });
});

describe('documentLanguage', () => {
  it('is the language of most letters, whatever the order of paragraphs, ties going to the first code', () => {
    expect(documentLanguage([['ru', 120], ['en', 400], [UNDETERMINED, 900]])).toBe('en');
    expect(documentLanguage([['ru', 100], ['en', 100]])).toBe('en');
    expect(documentLanguage([['en', 100], ['ru', 100]])).toBe('en');
    expect(documentLanguage([])).toBe(UNDETERMINED);
  });
});

describe('segmenters', () => {
  it('splits Chinese and Russian paragraphs into sentences with ICU', () => {
    expect(sentencesIn('zh', '中方表示欢迎。双方签署了协议！')).toEqual(['中方表示欢迎。', '双方签署了协议！']);
    expect(sentencesIn('ru', 'Стороны подписали соглашение. Визит продлится три дня.')).toEqual(['Стороны подписали соглашение.', 'Визит продлится три дня.']);
  });

  it('reads Chinese words with the lexicons in the dictionary, spans matching the text', () => {
    const sentence = '习近平同美国总统奥巴马通电话，对日方表示强烈不满。';
    const words = chineseWords(sentence);
    expect(words.map((w) => w.text)).toEqual(expect.arrayContaining(['习近平', '奥巴马', '日方', '强烈不满']));
    for (const w of words) expect(sentence.slice(w.start, w.end)).toBe(w.text);
    expect(words.some((w) => w.text === '，' || w.text === '。')).toBe(false);
  });

  it('keys Russian words by their stems, ё read as е, with spans of the words as written', () => {
    expect(russianKey('санкции')).toBe(russianKey('санкциями'));
    expect(russianKey('партнёрство')).toBe(russianKey('партнерства'));
    const sentence = 'Россия ввела санкции против США.';
    for (const w of russianWords(sentence)) expect(sentence.slice(w.start, w.end)).toBe(w.text);
  });
});

describe('articleBody in several languages', () => {
  it('reads each paragraph in its language and keeps a foreign menu out', () => {
    const more = 'The two governments said the corridor would link Gwadar with Kashgar.';
    const page = ['Добавить новость', 'News in English', '', ENGLISH, more, RUSSIAN, CHINESE, FRENCH].join('\n');
    const body = articleBody(page);
    expect(body.lang).toBe('en');
    expect(body.sentences.map((s) => [s.lang, s.text])).toEqual([
      ['en', 'News in English'],
      ['en', ENGLISH],
      ['en', more],
      ['ru', RUSSIAN],
      ['zh', CHINESE],
    ]);
    // The menu line is furniture; the French sentence is prose in a language the tool does not read.
    expect(body.boilerplateParagraphs).toBe(1);
    expect(body.otherLanguageSentences).toBe(1);
  });
});

describe('chineseDictionary', () => {
  it('drops the dictionary words that would hide a name and adds the lexicons\' words it lacks', () => {
    const words = {
      actors: new Map([['美国', 'US'], ['中美', 'CN US'], ['美国总统', 'US'], ['白俄罗斯', 'BY'], ['俄罗斯', 'RU']]),
      all: new Set(['美国', '中美', '美国总统', '白俄罗斯', '俄罗斯', '强烈不满']),
    };
    const base = '美国 5000 ns\n美国队 40 nz\n总统 3000 n\n中美洲 300 ns\n中美 3 j\n美国总统 20 nt';
    const lines = chineseDictionary(base, words).split('\n');
    // Its own 中美 made common; 美国队 and 美国总统 hide 美国; our 白俄罗斯 holds 俄罗斯 but names another country and stays.
    expect(lines).toEqual(['美国 5000 ns', '总统 3000 n', '中美 3000 j', '俄罗斯 3000 n', '强烈不满 3000 n', '白俄罗斯 3000 n']);
  });
});

describe('boundedSentences', () => {
  it('cuts a run-on Chinese or Russian sentence at its last clause mark within the bound, else anywhere', () => {
    const clause = '中国与巴基斯坦签署了合作协议，';
    const pieces = boundedSentences(clause.repeat(100));
    expect(pieces.every((p) => p.length <= MAX_SENTENCE)).toBe(true);
    expect(pieces.join('')).toBe(clause.repeat(100));
    expect(pieces[0]?.endsWith('，')).toBe(true);
    const unbroken = '中'.repeat(MAX_SENTENCE * 2 + 5);
    expect(boundedSentences(unbroken).map((p) => p.length)).toEqual([MAX_SENTENCE, MAX_SENTENCE, 5]);
    expect(boundedSentences('Короткое предложение.')).toEqual(['Короткое предложение.']);
  });
});
