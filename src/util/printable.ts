/**
 * Text from input (a path, a document's id) made safe for a message to a user: control characters
 * (C0, DEL, C1) are shown as `\uXXXX` escapes, so input cannot move a terminal's cursor or colour it.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
