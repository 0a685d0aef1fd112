import { describe, expect, it } from 'vitest';
import { articleBody } from '../src/text/body.js';
import { latinShare } from '../src/text/language.js';
import { splitSentences } from '../src/text/sentences.js';
import { tokenizeWords } from '../src/text/words.js';

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

describe('splitSentences', () => {
  it('does not split at known abbreviations or decimals', () => {
    expect(splitSentences('The U.S. objected on 5.5 grounds. China did not.')).toEqual([
      'The U.S. objected on 5.5 grounds.',
      'China did not.',
    ]);
  });

  it('splits where a stop is followed by no space', () => {
    expect(splitSentences('It ended.Despite this, talks resumed.')).toEqual(['It ended.', 'Despite this, talks resumed.']);
  });
});

describe('articleBody', () => {
  it('drops syndication footers, disclaimers and non-English lines', () => {
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
    expect(body.boilerplateParagraphs).toBe(3);
    expect(body.nonEnglishSentences).toBe(2);
  });

  it('joins hard-wrapped lines of one paragraph', () => {
    expect(articleBody('Japan and South Korea\nrestored ties.').sentences[0]?.text).toBe('Japan and South Korea restored ties.');
  });
});

describe('latinShare', () => {
  it('counts letters only', () => {
    expect(latinShare('abc ДЕ 123')).toBeCloseTo(0.6, 10);
    expect(latinShare('2024')).toBe(0);
  });
});
