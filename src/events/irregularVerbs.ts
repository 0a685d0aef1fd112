import { join } from 'node:path';
import { LEXICON_DIR } from '../util/paths.js';
import { field, readTsv } from '../util/tsv.js';

/** The past and past-participle forms of an irregular verb (some have two: "burnt|burned"). */
export interface VerbForms {
  past: string[];
  participle: string[];
}

/**
 * Read `irregular-verbs.tsv`, so an event pattern written with its base form
 * ("shoot down") also matches "shot down" and, after "was", reads as a passive.
 *
 * @example
 * loadIrregularVerbs().get('withdraw'); // { past: ['withdrew'], participle: ['withdrawn'] }
 */
export function loadIrregularVerbs(dir: string = LEXICON_DIR): Map<string, VerbForms> {
  const path = join(dir, 'irregular-verbs.tsv');
  const verbs = new Map<string, VerbForms>();
  for (const row of readTsv(path).rows) {
    const forms = (name: string) => field(path, row, name).split('|');
    verbs.set(field(path, row, 'base'), { past: forms('past'), participle: forms('participle') });
  }
  return verbs;
}
