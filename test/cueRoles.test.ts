import { describe, expect, it } from 'vitest';
import { resolvePairAbbreviations } from '../src/actors/languageGazetteers.js';
import { analyzeDocument } from '../src/pipeline/pipeline.js';
import { defaultScorer } from '../src/score/scoreSentence.js';
import type { CountryMention } from '../src/types/sentence.js';

// Our own sentences about real events: roles in Chinese and Russian come from their function words (roles.tsv).
function read(text: string, date: string) {
  const analysis = analyzeDocument({ id: 't', date, title: '', text }, defaultScorer());
  return new Map(analysis.sentences.map((s) => [s.pair, s]));
}

describe('roles in Chinese', () => {
  it('reads the country after 对 as the target of a protest', () => {
    const pairs = read('中方对日方的挑衅表示强烈不满。', '2012-09-11');
    expect(pairs.get('CN-JP')?.trust).toBeLessThan(0);
    expect(pairs.get('CN-JP')?.direction).toBe('CN>JP');
  });

  it('reads the country after 被 as the actor of a passive', () => {
    const pairs = read('日本渔船被中国海警扣押。', '2012-09-20');
    expect(pairs.get('CN-JP')?.direction).toBe('CN>JP');
    expect(pairs.get('CN-JP')?.trust).toBeLessThan(0);
  });

  it('reads 巴 in 中巴 as Brazil where the sentence names Brazil, as Pakistan otherwise', () => {
    const mention = (surface: string, code: string, start: number, category: string): CountryMention => ({ code, surface, start, end: start + surface.length, category });
    const withBrazil = resolvePairAbbreviations([mention('中巴', 'CN', 0, 'pair'), mention('中巴', 'PK', 0, 'pair'), mention('巴西', 'BR', 6, 'name')]);
    expect(withBrazil.map((m) => m.code)).toEqual(['CN', 'BR', 'BR']);
    const alone = resolvePairAbbreviations([mention('中巴', 'CN', 0, 'pair'), mention('中巴', 'PK', 0, 'pair')]);
    expect(alone.map((m) => m.code)).toEqual(['CN', 'PK']);
  });
});

describe('the place of a visit or of an attack is its target', () => {
  it('in Chinese and in Russian, where the case does not tell a goal from a place', () => {
    expect(read('李克强在柏林进行正式访问。', '2014-10-10').get('CN-DE')?.direction).toBe('CN>DE');
    expect(read('Путин прибыл в Пекин с государственным визитом.', '2014-05-20').get('CN-RU')?.direction).toBe('RU>CN');
    const strikes = read('США нанесли удары по позициям боевиков в Сирии.', '2014-09-23').get('SY-US');
    expect(strikes?.direction).toBe('US>SY');
    expect(strikes?.trust).toBeLessThan(0);
  });

  it('but talks and a show of force keep their venue out', () => {
    expect(read('Россия провела военные учения в Белоруссии.', '2013-09-20').get('BY-RU')?.trust ?? 0).toBe(0);
    const talks = read('Россия и США провели переговоры в Швейцарии.', '2013-09-13');
    expect([...talks.keys()]).toEqual(['RU-US']);
  });
});

describe('roles in Russian', () => {
  it('reads the country after против as the target', () => {
    const pairs = read('Россия ввела санкции против США.', '2014-08-07');
    expect(pairs.get('RU-US')?.direction).toBe('RU>US');
    expect(pairs.get('RU-US')?.trust).toBeLessThan(0);
  });

  it('reads a name in the dative before the verb as the target, not the subject', () => {
    const pairs = read('Украине Россия перекрыла газ в новогоднюю ночь.', '2006-01-01');
    expect(pairs.get('RU-UA')?.direction).toBe('RU>UA');
    expect(pairs.get('RU-UA')?.trust).toBeLessThan(0);
  });

  it('gives a mediator no pair', () => {
    const pairs = read('При посредничестве Турции Россия и Украина провели обмен пленными.', '2022-09-21');
    expect(pairs.get('RU-UA')?.trust).toBeGreaterThan(0);
    expect(pairs.has('RU-TR')).toBe(false);
    expect(pairs.has('TR-UA')).toBe(false);
  });

  it('reads в with a place (prepositional) as a venue and with a goal (accusative) as the target', () => {
    const venue = read('Лидеры Франции и Германии провели переговоры в Москве.', '2015-02-06');
    expect(venue.has('DE-RU')).toBe(false);
    const goal = read('Российские войска вторглись в Грузию.', '2008-08-08');
    expect(goal.get('GE-RU')?.direction).toBe('RU>GE');
    expect(goal.get('GE-RU')?.trust).toBeLessThan(0);
  });

  it('lets the countries of a list act together', () => {
    const pairs = read('Россия, Китай и Иран провели совместные военно-морские учения.', '2019-12-27');
    for (const pair of ['CN-IR', 'CN-RU', 'IR-RU']) expect(pairs.get(pair)?.trust, pair).toBeGreaterThan(0);
  });
});
