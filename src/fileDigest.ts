import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * sha256 of a file, first 16 hex digits: enough to tell lexicon versions apart.
 *
 * @example
 * fileDigest('lexicons/trust.tsv'); // '3f1c…' (16 hex digits)
 */
export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
}
