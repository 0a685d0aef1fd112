import { DuplicateIndex } from '../aggregate/duplicates.js';
import { fingerprint } from '../text/fingerprint.js';
import type { ReutersStory } from './sharedData.js';

export interface DuplicateEvalResult {
  stories: number;
  folded: number;
  exact: number;
  near: number;
  /** Groups of two or more stories counted once. */
  groups: number;
  exactGroups: number;
}

/**
 * Duplicate folding on Reuters-21578 stories with body text, as the
 * pipeline does it (title and text, earliest kept).
 */
export function duplicateEval(stories: readonly ReutersStory[]): DuplicateEvalResult {
  const index = new DuplicateIndex();
  let count = 0;
  for (const story of stories) {
    if (!story.text) continue;
    count += 1;
    index.add(String(story.id), story.date, fingerprint(`${story.title}\n\n${story.text}`));
  }
  const folded = index.folded();
  const kept = new Set(folded.map((f) => f.keptId));
  const exactKept = new Set(folded.filter((f) => f.kind === 'exact').map((f) => f.keptId));
  return {
    stories: count,
    folded: folded.length,
    exact: folded.filter((f) => f.kind === 'exact').length,
    near: folded.filter((f) => f.kind === 'near').length,
    groups: kept.size,
    exactGroups: exactKept.size,
  };
}
