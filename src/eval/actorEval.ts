import { findCountries } from '../actors/findCountries.js';
import { defaultGazetteer, readGazetteerEntries } from '../actors/gazetteer.js';
import { termKeys } from '../actors/termKeys.js';
import { articleBody } from '../text/body.js';
import { tokenizeWords } from '../text/words.js';
import { longestMatch } from '../util/trie.js';
import type { ReutersStory } from './sharedData.js';

/**
 * Reuters place tags that are not spelled as a gazetteer name. Reuters tags
 * the Soviet Union `ussr` (counted as RU, its successor) and West Germany
 * `west-germany` (DE). Other tags resolve by title-casing the hyphenated tag
 * ("el-salvador" → "El Salvador"); tags that name no country in our list
 * (territories such as bermuda or netherlands-antilles) are reported and
 * left out of the recall.
 */
const REUTERS_CODES = new Map([
  ['usa', 'US'], ['uk', 'GB'], ['ussr', 'RU'], ['west-germany', 'DE'], ['east-germany', 'DE'],
  ['uae', 'AE'], ['hong-kong', 'HK'], ['ivory-coast', 'CI'], ['zaire', 'CD'], ['congo', 'CG'],
  ['burma', 'MM'], ['czechoslovakia', 'CZ'], ['yugoslavia', 'RS'], ['south-korea', 'KR'], ['north-korea', 'KP'],
  ['st-lucia', 'LC'], ['st-vincent', 'VC'], ['st-kitts-nevis', 'KN'], ['trinidad-tobago', 'TT'],
  ['antigua', 'AG'], ['cape-verde', 'CV'], ['papua-new-guinea', 'PG'], ['sao-tome', 'ST'],
  ['yemen-arab-republic', 'YE'], ['yemen-demo-republic', 'YE'],
]);

export function reutersCode(tag: string): string | null {
  const known = REUTERS_CODES.get(tag);
  if (known) return known;
  const name = tag.split('-').map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' ');
  const keys = termKeys(name);
  const match = longestMatch(defaultGazetteer().trie, 0, keys);
  return match && match.end === keys.length && match.value.code !== '-' ? match.value.code : null;
}

export interface ActorEvalResult {
  stories: number;
  taggedPlaces: number;
  found: number;
  recall: number;
  topTwoStories: number;
  topTwoShare: number;
  unmapped: Map<string, number>;
  /** Tagged places missed whose country no gazetteer form names anywhere in the story, in any case: tags from the dateline or a company's home, beyond any name matcher. */
  unnamed: number;
}

/** Lower-cased gazetteer forms of each country, for the check of what a story names at all. */
function formsByCode(): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const entry of readGazetteerEntries()) {
    if (entry.code === '-') continue;
    for (const code of entry.codes) forms.set(code, [...(forms.get(code) ?? []), entry.term.toLowerCase()]);
  }
  return forms;
}

function namedAnywhere(text: string, forms: readonly string[]): boolean {
  return forms.some((form) => {
    let at = text.indexOf(form);
    while (at >= 0) {
      const before = text[at - 1];
      const after = text[at + form.length];
      if (!(before && /\p{L}/u.test(before)) && !(after && /\p{L}/u.test(after))) return true;
      at = text.indexOf(form, at + 1);
    }
    return false;
  });
}

/** Countries of a story by mentions, most mentioned first (ties by code). */
function mentionCounts(story: ReutersStory): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of articleBody(`${story.title}\n\n${story.text}`).sentences) {
    for (const m of findCountries(sentence.text, tokenizeWords(sentence.text), undefined, { date: story.date })) counts.set(m.code, (counts.get(m.code) ?? 0) + 1);
  }
  return counts;
}

/**
 * Document-level check of country detection on Reuters stories with two or
 * more place tags: the share of tagged places found anywhere in the story
 * (recall), and the share of stories whose two most-mentioned countries are
 * both among its tags.
 */
export function actorEval(stories: readonly ReutersStory[]): ActorEvalResult {
  const result: ActorEvalResult = {
    stories: 0, taggedPlaces: 0, found: 0, recall: 0, topTwoStories: 0, topTwoShare: 0, unmapped: new Map(), unnamed: 0,
  };
  const forms = formsByCode();
  for (const story of stories) {
    if (story.places.length < 2 || !story.text) continue;
    const tagged = new Set<string>();
    for (const tag of story.places) {
      const code = reutersCode(tag);
      if (code) tagged.add(code);
      else result.unmapped.set(tag, (result.unmapped.get(tag) ?? 0) + 1);
    }
    if (tagged.size < 2) continue;
    result.stories += 1;
    const counts = mentionCounts(story);
    result.taggedPlaces += tagged.size;
    const text = `${story.title}\n${story.text}`.toLowerCase();
    for (const code of tagged) {
      if (counts.has(code)) result.found += 1;
      else if (!namedAnywhere(text, forms.get(code) ?? [])) result.unnamed += 1;
    }
    const topTwo = [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, 2);
    if (topTwo.length === 2 && topTwo.every(([code]) => tagged.has(code))) result.topTwoStories += 1;
  }
  result.recall = result.found / result.taggedPlaces;
  result.topTwoShare = result.topTwoStories / result.stories;
  return result;
}
