import { describe, expect, it } from 'vitest';
import { MAX_PIECE, articleBody, boundedPieces } from '../src/text/body.js';
import { properNames } from '../src/text/properName.js';
import NaturalSentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';
import { ABBREVIATIONS, splitSentences } from '../src/text/sentences.js';
import { lowerWords, tokenizeWords } from '../src/text/words.js';

describe('tokenizeWords', () => {
  it('keeps contractions and initialisms whole and gives exact spans', () => {
    const text = "We don't trust the U.S. or China's envoy.";
    const tokens = tokenizeWords(text);
    expect(tokens.map((t) => t.text)).toEqual(['We', "don't", 'trust', 'the', 'U.S.', 'or', "China's", 'envoy']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[6]?.lower).toBe('china');
  });

  it('splits hyphenated country pairs into their parts', () => {
    expect(tokenizeWords('Pak-China ties').map((t) => t.text)).toEqual(['Pak', 'China', 'ties']);
  });

  it('keeps letters with diacritics inside a word', () => {
    expect(tokenizeWords('Türkiye and Côte d’Ivoire').map((t) => t.text)).toEqual(['Türkiye', 'and', 'Côte', 'd’Ivoire']);
  });
});

describe('lowerWords', () => {
  it('gives exactly the look-up forms of tokenizeWords', () => {
    const texts = [
      "We don't trust the U.S. or China's envoy :) <3",
      'TÜRKİYE’S ministers met Côte d’Ivoire’s; İstanbul, 2024-11-02, 3.5%… :-( =P',
      'Пакистан и Китай: 中国 与 巴基斯坦',
      '',
    ];
    for (const text of texts) expect(lowerWords(text)).toEqual(tokenizeWords(text).map((t) => t.lower));
    expect(lowerWords("China's ties with the U.S.")).toEqual(['china', 'ties', 'with', 'the', 'u.s.']);
  });
});

describe('splitSentences', () => {
  it('does not split at known abbreviations or decimals', () => {
    expect(splitSentences('The U.S. objected on 5.5 grounds. China did not.')).toEqual([
      'The U.S. objected on 5.5 grounds.',
      'China did not.',
    ]);
  });

  it("keeps a name's middle initial inside its sentence", () => {
    expect(splitSentences('U.S. President George W. Bush holds talks with Paul Martin of Canada. They agree.')).toEqual([
      'U.S. President George W. Bush holds talks with Paul Martin of Canada.',
      'They agree.',
    ]);
    expect(splitSentences('John F. Kennedy met Nikita Khrushchev in Vienna. Nothing was agreed.')).toHaveLength(2);
  });

  it('splits where a stop is followed by no space', () => {
    expect(splitSentences('It ended.Despite this, talks resumed.')).toEqual(['It ended.', 'Despite this, talks resumed.']);
  });

  it("gives exactly natural's sentences, placeholders and all, on number-heavy and tricky paragraphs", () => {
    // Our own paragraphs: figures, URLs, e-mail addresses, abbreviations inside URLs, ellipses,
    // quotes after stops and text that looks like natural's own placeholders.
    const paragraphs = [
      'Exports to Japan rose 12.5 pct to 1,234.5 mln dlrs in March, from 1,100 mln a year ago. Imports fell 3.2 pct. ' +
        'The surplus was 4.1 billion, 2.3 billion and 0.9 billion in the three quarters.',
      'See www.example.org/Mr.Smith/report.html for the text. Write to press@example.org... or call 555 1234!',
      'VISIT WWW.EXAMPLE.ORG. Or FTP://FILES.EXAMPLE.ORG/a.b today. Mail: Desk.Two@Example.Org. Done.',
      'He said: "We will not accept this." Then he left (for Beijing.) Talks ended?! Yes.',
      'Gov. Li met Sen. Khan on Jan. 5 and Feb. 6 vs. last year; the U.S. and the U.A.E. were absent.',
      'A literal {{NUMBER_0}} and {{DELIM_1}} in the text. 1, 2, 3. Done.',
      Array.from({ length: 60 }, (_, i) => `Item ${i + 1} cost ${i * 3},${100 + i}.${i} dlrs.`).join(' '),
    ];
    const natural = new NaturalSentenceTokenizer([...ABBREVIATIONS], true);
    for (const paragraph of paragraphs) {
      expect(splitSentences(paragraph)).toEqual(natural.tokenize(paragraph).filter((s) => /[\p{L}\p{N}]/u.test(s)));
    }
    expect(splitSentences(paragraphs[0] as string)).toHaveLength(3);
  });
});

describe('articleBody', () => {
  it('drops syndication footers, disclaimers and the furniture of a page in another language', () => {
    const page = [
      'Добавить новость',
      'India and China agreed to talk.',
      'DISCLAIMER –',
      'The opinions expressed in this publication are those of the authors.',
      'The post India and China agree appeared first on Example News.',
      'Лучшие каналы в Telegram.',
    ].join('\n\n');
    const body = articleBody(page);
    expect(body.sentences.map((s) => s.text)).toEqual(['India and China agreed to talk.']);
    // The Russian menu lines are furniture: not prose in the page's language.
    expect(body.boilerplateParagraphs).toBe(5);
    expect(body.otherLanguageSentences).toBe(0);
  });

  it('drops source credits that stand as sentences, and keeps a sentence that only opens with one', () => {
    const body = articleBody('Pakistan detains 13 Indian fishermen. (Press Trust of India) (BBC)\n\n(Reuters) China and India met.');
    expect(body.sentences.map((s) => s.text)).toEqual(['Pakistan detains 13 Indian fishermen.', '(Reuters) China and India met.']);
    expect(body.boilerplateParagraphs).toBe(1);
  });

  it('joins hard-wrapped lines of one paragraph', () => {
    expect(articleBody('Japan and South Korea\nrestored ties.').sentences[0]?.text).toBe('Japan and South Korea restored ties.');
  });
});

describe('boundedPieces', () => {
  it('cuts long paragraphs at sentence ends, then spaces, then anywhere', () => {
    const sentences = Array.from({ length: 200 }, (_, i) => `China and Pakistan met ${i}.`).join(' ');
    const pieces = boundedPieces(sentences);
    expect(pieces.every((p) => p.length <= MAX_PIECE)).toBe(true);
    expect(pieces.join('')).toBe(sentences);
    expect(pieces.slice(0, -1).every((p) => /\.\s$/.test(p))).toBe(true);
    const token = 'x'.repeat(5000);
    expect(boundedPieces(token).map((p) => p.length)).toEqual([2000, 2000, 1000]);
  });

  it('keeps a page of one endless paragraph readable', () => {
    const body = articleBody(`${'x'.repeat(200_000)} China and India met.`);
    expect(body.sentences[body.sentences.length - 1]?.text).toContain('China and India met.');
  });
});

describe('emoticons', () => {
  it('are tokens, so tone can read them, but not inside words or numbers', () => {
    expect(tokenizeWords('Great talks :) see you <3').map((t) => t.text)).toEqual(['Great', 'talks', ':)', 'see', 'you', '<3']);
    expect(tokenizeWords('at 10:30 (note:p)').map((t) => t.text)).toEqual(['at', '10', '30', 'note', 'p']);
  });
});

describe('properNames', () => {
  const at = (text: string, word: string) => {
    const tokens = tokenizeWords(text);
    return properNames(tokens)(tokens.findIndex((t) => t.text === word));
  };
  it('finds a word inside a name after another capitalised word', () => {
    expect(at('Panetta visits Vietnam, the first visit since the Vietnam War.', 'War')).toBe(true);
    expect(at('Israel launched Operation Protective Edge in Gaza.', 'Protective')).toBe(true);
  });
  it('leaves ordinary words, sentence openings and title-case headlines alone', () => {
    expect(at('The war in Vietnam ended.', 'war')).toBe(false);
    expect(at('Growing Trust deficit threatens Pak-China alliance', 'Trust')).toBe(false);
    expect(at('China And Japan Sign Trade Pact After Talks', 'Trade')).toBe(false);
  });
});
