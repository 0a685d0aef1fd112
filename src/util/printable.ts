/**
 * Characters that act on a terminal or on the order text is shown in rather than
 * print: C0 controls (ESC, BEL, backspace, CR, newline…; tab is kept), DEL, C1
 * controls, and the bidirectional marks, embeddings, overrides and isolates
 * (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), which can make a
 * line read backwards.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text from input made safe to show a person (report, `--explain`, error
 * messages): every control or bidi character is written as its code, so
 * `cat report.md` cannot retitle or clear a terminal, and what was there
 * stays visible.
 *
 * @example
 * printable('a\u001b]0;pwned\u0007b'); // 'a\\u001B]0;pwned\\u0007b'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
