/**
 * Paragraphs that belong to the page rather than the article: syndication
 * footers, disclaimers, share and subscribe prompts. They are dropped before
 * any sentence is scored, so they never feed a country pair.
 */
const BOILERPLATE_LINE = [
  /^the post\b.+\bappeared first on\b/i,
  /^(this|the) (article|story) (was )?(originally )?(first )?(published|appeared) (on|in|by)\b/i,
  /^(subscribe|sign up|follow us|share this|share on|click here|read more|related:|advertisement\b)/i,
  /^(copyright|©|all rights reserved)/i,
  /^the (opinions|views) expressed (in|here)/i,
];
const DISCLAIMER_HEADING = /^disclaimer\b/i;

/** True when a paragraph is page furniture rather than article text. */
export function isBoilerplate(paragraph: string): boolean {
  const line = paragraph.trim();
  return BOILERPLATE_LINE.some((pattern) => pattern.test(line)) || DISCLAIMER_HEADING.test(line);
}

/**
 * A source credit standing as a sentence of its own: nothing but parenthesised
 * groups, "(Reuters) (AP)", "(Press Trust of India)". It names outlets, not
 * what countries did ("Trust" there is a name), so it is dropped with the
 * page furniture and counted with it.
 *
 * @example
 * isSourceCredit('(Pakistan Times) (BBC)'); // true
 * isSourceCredit('(Reuters) China and Pakistan met.'); // false
 */
export function isSourceCredit(sentence: string): boolean {
  return /^(?:\s*\([^()]*\))+\s*[.]?\s*$/.test(sentence);
}

/** True when a paragraph announces that the next one is a disclaimer. */
export function opensDisclaimer(paragraph: string): boolean {
  return DISCLAIMER_HEADING.test(paragraph.trim()) && paragraph.trim().length < 40;
}
