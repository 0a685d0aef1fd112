import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * sha256 of a file, first 16 hex digits: enough to tell lexicon versions apart.
 *
 * @example
 * fileDigest('/dev/null'); // 'e3b0c44298fc1c14', the start of sha256 of no bytes
 */
export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
}
