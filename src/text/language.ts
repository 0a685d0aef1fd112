/**
 * Share of letters that are Latin script. The scorer's lexicons are English,
 * so a sentence mostly in another script (the Russian headlines around the
 * seed article) is skipped and counted rather than scored as neutral.
 */
export function latinShare(text: string): number {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      // ASCII, the common case, without a regular expression.
      if ((code | 32) >= 97 && (code | 32) <= 122) {
        letters += 1;
        latin += 1;
      }
    } else {
      const ch = text[i] as string;
      if (LETTER.test(ch)) {
        letters += 1;
        if (LATIN.test(ch)) latin += 1;
      }
    }
  }
  return letters === 0 ? 0 : latin / letters;
}

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/** Below this share of Latin letters a sentence is treated as not English. */
export const MIN_LATIN_SHARE = 0.7;

export function looksEnglish(text: string): boolean {
  return latinShare(text) >= MIN_LATIN_SHARE;
}
