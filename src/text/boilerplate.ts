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

/**
 * A wire or broadcaster's credit opening a Chinese paragraph: "央视网消息(新闻联播)：", "本台消息：",
 * "新华社北京3月5日电" — who reports, not what happened. Left in, its words took the first places of the
 * sentence, where the main clause's subject is looked for, and a dateline's city read as a venue.
 */
const CHINESE_CREDIT = /^[^。！？；：:\n]{0,16}?(?:(?:消息\s*(?:[（(][^）)\n]{1,12}[）)])?|[（(][^）)\n]{1,12}[）)]\s*消息)\s*[：:]|\d{1,2}月\d{1,2}日电)\s*/u;

/**
 * A Chinese paragraph without its opening credit (a paragraph that is nothing but a credit stays whole).
 *
 * @example
 * withoutChineseCredit('央视网消息(新闻联播)：国家主席习近平今天会见了普京。'); // '国家主席习近平今天会见了普京。'
 */
export function withoutChineseCredit(paragraph: string): string {
  const found = CHINESE_CREDIT.exec(paragraph);
  return found && found[0].length < paragraph.length ? paragraph.slice(found[0].length) : paragraph;
}
