import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/paths.js';

/**
 * The public evaluation data sits beside the repository in `../shared/eval`
 * (override with TRUST_INDEX_EVAL_DIR). Users who clone the project do not
 * have it, so every reader returns null and the caller skips with a message.
 */
export function evalDir(): string | null {
  const dir = process.env.TRUST_INDEX_EVAL_DIR ?? join(PACKAGE_ROOT, '..', 'shared', 'eval');
  return existsSync(dir) ? dir : null;
}

export interface RatedSentence {
  id: string;
  /** Mean human rating, −4 … +4. */
  rating: number;
  text: string;
}

export const VADER_SETS = [
  'nytEditorialSnippets_GroundTruth.txt',
  'amazonReviewSnippets_GroundTruth.txt',
  'movieReviewSnippets_GroundTruth.txt',
  'tweets_GroundTruth.txt',
];

/** One of VADER's human-rated sets: `id <TAB> rating <TAB> text` a line. */
export function readRatedSentences(dir: string, file: string): RatedSentence[] {
  return readFileSync(join(dir, 'vader', file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [id = '', rating = '', ...rest] = line.split('\t');
      return { id, rating: Number(rating), text: rest.join('\t') };
    })
    .filter((s) => Number.isFinite(s.rating) && s.text !== '');
}

export interface ReutersStory {
  id: number;
  date: string;
  places: string[];
  title: string;
  text: string;
}

export const REUTERS_FILE = 'reuters21578.jsonl';

/** The records of a shared JSONL file, one JSON object a line. */
export function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Reuters-21578 stories, one JSON object a line. */
export function readReuters(dir: string): ReutersStory[] {
  return readJsonLines<ReutersStory>(join(dir, REUTERS_FILE));
}

export const WIKIPEDIA_FILE = 'wikipedia-current-events-2002-2015.jsonl';

/** One bullet of Wikipedia's current-events portal. */
export interface PortalItem {
  id: string;
  date: string;
  category: string;
  /** A short topic label ("Russia–Turkey relations"), not an event sentence. */
  heading: boolean;
  text: string;
}

/** The portal's items, one JSON object a line. */
export function readPortal(dir: string): PortalItem[] {
  return readJsonLines<PortalItem>(join(dir, WIKIPEDIA_FILE));
}
