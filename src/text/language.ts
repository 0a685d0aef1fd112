/**
 * Share of letters that are Latin script. The scorer's lexicons are English,
 * so a sentence mostly in another script (the Russian headlines around the
 * seed article) is skipped and counted rather than scored as neutral.
 */
export function latinShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters === 0 ? 0 : latin / letters;
}

/** Below this share of Latin letters a sentence is treated as not English. */
export const MIN_LATIN_SHARE = 0.7;

export function looksEnglish(text: string): boolean {
  return latinShare(text) >= MIN_LATIN_SHARE;
}
