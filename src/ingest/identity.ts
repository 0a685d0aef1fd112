import { createHash } from 'node:crypto';

/**
 * A stable id from a document's content, for inputs that carry none: the
 * same text gets the same id on every run and machine.
 *
 * @example
 * contentId('China and Pakistan met.'); // 'sha1-' followed by 16 hex digits
 */
export function contentId(text: string): string {
  return `sha1-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
}
