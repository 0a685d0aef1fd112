import { join } from 'node:path';
import { LEXICON_DIR } from '../util/paths.js';
import { field, readTsv } from '../util/tsv.js';

/**
 * Words after which "in X" or "at X" names where something happened ("talks
 * in Geneva", "a summit at Sharm el-Sheikh"), from `venues.tsv`: such a
 * country is no party to what the sentence reports.
 *
 * @example
 * loadVenueCues().has('talks'); // true
 */
export function loadVenueCues(dir: string = LEXICON_DIR): Set<string> {
  const path = join(dir, 'venues.tsv');
  return new Set(readTsv(path).rows.map((row) => field(path, row, 'term').toLowerCase()));
}
