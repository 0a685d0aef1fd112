import { describe, expect, it } from 'vitest';
import { type LeaderKey, compileLeaders, foldKey, leaderCountry, leaderKeys, readLeaderTerms } from '../src/actors/leaders.js';
import { longestMatch } from '../src/util/trie.js';
import { findCountries } from '../src/actors/findCountries.js';
import { unknownNames } from '../src/actors/unknownNames.js';
import { pairsOf } from '../src/actors/pairs.js';
import { scoreSentence } from '../src/score/scoreSentence.js';
import { tokenizeWords } from '../src/text/words.js';

function codes(sentence: string): string[] {
  return findCountries(sentence, tokenizeWords(sentence)).map((m) => m.code);
}

describe('findCountries', () => {
  it.each([
    ['Pakistan and China signed a deal.', ['PK', 'CN']],
    ['Growing trust deficit threatens Pak-China alliance', ['PK', 'CN']],
    ['Sino-Indian ties thawed.', ['CN', 'IN']],
    ['The Indo-Pacific strategy was discussed.', []],
    ['Anglo-Saxon law differs.', []],
    ['Papua New Guinea and Guinea-Bissau voted.', ['PG', 'GW']],
    ['Equatorial Guinea and Guinea met.', ['GQ', 'GN']],
    ['The governor of New Mexico visited Mexico.', ['US', 'MX']],
    ['The Bundesbank and the Bank of Japan held rates.', ['DE', 'JP']],
    ['Tell us what the US will do.', ['US']],
    ['The U.S. and the UK agreed.', ['US', 'GB']],
    ['An investment of US$ 82 million was planned.', []],
    ['We ate turkey on fine china.', []],
    ['Turkey and Chad signed a pact.', ['TR', 'TD']],
    ['Jordan Peterson spoke about Canada.', ['CA']],
    ['Chad Smith played in Japan.', ['JP']],
    // "Jordan Valley" reads like a person's name and is left out: a region, not the state.
    ['Jordan and Israel met; Jordan Valley talks went on.', ['JO', 'IL']],
    ['Georgia Harrison painted in Mexico.', ['MX']],
    // Israel is a given name too, but "Israel Defense Forces" and "Prime Minister of Israel Ehud Olmert" are far commoner.
    ['The Israel Defense Forces struck the Gaza Strip.', ['IL', 'PS']],
    ['The Prime Minister of Israel Ehud Olmert met Mahmoud Abbas.', ['IL']],
    ['India Pakistan talks resumed.', ['IN', 'PK']],
    // "pro-Russian" names whom a group sides with, not the state.
    ['Pro-Russian separatists attacked Ukrainian troops near pro-Western protesters.', ['UA']],
    ['CHINA AND JAPAN AGREE', ['CN', 'JP']],
    ["Côte d'Ivoire and the Ivory Coast are one.", ['CI', 'CI']],
    ['The Kremlin and the White House spoke.', ['RU', 'US']],
    ['Beijing’s concerns grew in Islamabad.', ['CN', 'PK']],
    ['Chinese nationals left Pakistan.', ['CN', 'PK']],
    ['North Korea and South Korea met.', ['KP', 'KR']],
    ['Democratic Republic of the Congo and Republic of the Congo', ['CD', 'CG']],
    ['Ships crossed the South China Sea.', []],
    ['Latin America traded with America.', ['US']],
    ['The Dominican Republic and Dominica', ['DO', 'DM']],
  ])('%s', (sentence, expected) => {
    expect(codes(sentence)).toEqual(expected);
  });

  it('leaves proxies out when asked', () => {
    const s = 'Huawei phones were banned in Texas, Pakistan said.';
    expect(findCountries(s, tokenizeWords(s)).map((m) => [m.code, m.category])).toEqual([['CN', 'proxy'], ['US', 'proxy'], ['PK', 'name']]);
    expect(findCountries(s, tokenizeWords(s), undefined, { proxies: false }).map((m) => m.code)).toEqual(['PK']);
  });

  it('reports the surface form, span and category of each mention', () => {
    const s = 'Talks in New Delhi went well.';
    const [mention] = findCountries(s, tokenizeWords(s));
    expect(mention).toEqual({ code: 'IN', surface: 'New Delhi', start: 9, end: 18, category: 'capital' });
  });
});

describe('pairsOf', () => {
  it('gives sorted unordered pairs of distinct countries', () => {
    expect(pairsOf(['PK', 'CN', 'PK', 'US'])).toEqual(['CN-PK', 'CN-US', 'PK-US']);
    expect(pairsOf(['CN', 'CN'])).toEqual([]);
  });
});

describe('the direction of a sentence', () => {
  // From its event's roles where it codes one ("expelled the envoy"), else from the shape of its attitude words (sentenceDirection).
  function direction(text: string): string | null {
    const reading = scoreSentence(text);
    expect(reading.pairs.length).toBeLessThanOrEqual(1);
    return reading.pairs[0]?.direction ?? null;
  }

  it.each([
    ['China expelled the Pakistani envoy.', 'CN>PK'],
    ["Pakistan's Intelligence Bureau told its officers to stop using Chinese phones.", 'PK>CN'],
    ['Japan restricts chemical exports to South Korea', 'JP>KR'],
    ['South Korean shoppers began a boycott of Japanese beer.', 'KR>JP'],
    ['Talks between China and Pakistan stalled.', null],
    ['Tokyo protested strongly, and Washington said it was disappointed.', null],
    ['India and Canada agreed to restore high commissioners.', null],
    ['After talks, the envoy said China and Pakistan would cooperate.', null],
  ])('%s → %s', (text, expected) => {
    expect(direction(text)).toBe(expected);
  });
});

describe('unknownNames', () => {
  function names(text: string): string[] {
    const tokens = tokenizeWords(text);
    return unknownNames(text, tokens, findCountries(text, tokens));
  }

  it('lists capitalised names beside a country that matched nothing', () => {
    expect(names('The Balochistan Liberation Army attacked Chinese engineers on Tuesday.')).toEqual(['Balochistan Liberation Army']);
    expect(names('Chinese ambassador Jiang Zaidong’s warning was blunt.')).toEqual(['Jiang Zaidong']);
  });

  it('leaves out sentence-opening words, calendar words and sentences without a country', () => {
    expect(names('Officials in Pakistan met in November.')).toEqual([]);
    expect(names('The Balochistan Liberation Army claimed it.')).toEqual([]);
  });

  it('leaves out titles before a known name, but keeps the unknown name after one', () => {
    const dated = (text: string) => {
      const tokens = tokenizeWords(text);
      return unknownNames(text, tokens, findCountries(text, tokens, undefined, { date: '2024-05-01' }));
    };
    expect(dated('Later, President Xi met Prime Minister Shehbaz Sharif.')).toEqual([]);
    expect(dated('Later, Interior Minister Mohsin Naqvi visited China.')).toEqual(['Interior Minister Mohsin Naqvi']);
  });
});

describe('leaders and officials', () => {
  const trie = compileLeaders(readLeaderTerms());
  const key = (name: string) => longestMatch(trie, 0, leaderKeys(name))?.value as LeaderKey;
  const on = (sentence: string, date?: string) =>
    findCountries(sentence, tokenizeWords(sentence), undefined, date === undefined ? {} : { date }).map((m) => `${m.code}:${m.category}`);

  it('count for their country only while in office', () => {
    expect(leaderCountry(key('Trump'), '2018-06-12')?.code).toBe('US');
    expect(leaderCountry(key('Trump'), '2022-06-12')).toBeNull();
    expect(leaderCountry(key('Trump'), '2025-01-20')?.code).toBe('US');
    expect(leaderCountry(key('Trump'), '2025-01-19')).toBeNull();
    expect(leaderCountry(key('Trudeau'), '2023-09-18')?.code).toBe('CA');
    expect(leaderCountry(key('Trudeau'), '2026-01-01')).toBeNull();
  });
  it('are not matched without a date', () => {
    expect(on('Modi met Xi.')).toEqual([]);
    expect(on('Modi met Xi.', '2019-10-11')).toEqual(['IN:leader', 'CN:leader']);
  });
  it('match a short form only when the people in office under it serve one country', () => {
    expect(leaderCountry(key('King Abdullah'), '2012-01-01')).toBeNull();
    expect(leaderCountry(key('King Abdullah'), '2016-01-01')?.code).toBe('JO');
    expect(on('Sharif spoke.', '2015-01-01')).toEqual(['PK:leader']);
  });
  it('keep a former leader\'s full name from matching as someone else\'s surname', () => {
    expect(on('Nawaz Sharif spoke.', '2024-05-01')).toEqual([]);
  });
  it('match without diacritics', () => {
    expect(foldKey('Yıldırım')).toBe('Yildirim');
    expect(foldKey('Erdoğan')).toBe('Erdogan');
    expect(on('Erdogan and Löfven met.', '2016-01-01')).toEqual(['TR:leader', 'SE:leader']);
    // A full name whose first word has diacritics, as the table writes it and without them.
    expect(on('Édouard Philippe met Macron.', '2018-01-01')).toEqual(['FR:leader', 'FR:leader']);
    expect(on('Edouard Philippe met Macron.', '2018-01-01')).toEqual(['FR:leader', 'FR:leader']);
  });
});

describe('other senses and abbreviations', () => {
  it('reads Georgia as the US state beside its governor, its state or its cities', () => {
    expect(codes("Georgia's governor spoke to Chinese investors.")).toEqual(['CN']);
    expect(codes('The state of Georgia sued.')).toEqual([]);
    expect(codes('Savannah port traffic in Georgia rose.')).toEqual([]);
    expect(codes('Georgia protested to Russia.')).toEqual(['GE', 'RU']);
  });
  it('joins an abbreviation with its full stop inside a name', () => {
    expect(codes('St. Kitts and Nevis voted.')).toEqual(['KN']);
    expect(codes('St. Kitts voted.')).toEqual(['KN']);
  });
  it('lets one proxy name two countries', () => {
    expect(codes('CPEC projects resumed.')).toEqual(['CN', 'PK']);
  });
});
