import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isoDay } from './dates.js';
import { contentId } from './identity.js';
import { inferDate } from './inferDate.js';
import { htmlToText } from './markup.js';
import { type IngestItem, documentItem, skippedItem } from './records.js';

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="dc.date"]',
  'meta[property="og:published_time"]',
];

/**
 * Pages nested deeper than this skip Readability, whose scoring walks
 * ancestors and takes seconds on pathological nesting; their paragraphs are
 * read directly instead. Real article pages stay far below it.
 */
export const MAX_DEPTH = 200;

/** The nesting depth of an element tree, without recursion (a deep tree would overflow the stack). */
function depthOf(root: Element): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * One HTML page: the article is extracted with @mozilla/readability over a
 * linkedom DOM (navigation, link lists and page furniture left behind), its
 * paragraphs kept. The date comes from the page's meta tags, else its
 * canonical URL, header or text.
 */
export function readHtml(html: string, path: string, defaultDate: string | null): IngestItem {
  try {
    return extract(html, path, defaultDate);
  } catch (error) {
    // linkedom recurses over the tree: a pathologically nested page can exhaust the stack.
    return skippedItem({ origin: path, id: null, reason: 'no-article', message: `page could not be parsed: ${(error as Error).message}` });
  }
}

function extract(html: string, path: string, defaultDate: string | null): IngestItem {
  const { document } = parseHTML(html);
  const meta = DATE_META.map((selector) => document.querySelector(selector)?.getAttribute('content')).find((v) => v);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const body = document.body as unknown as Element | null;
  const root = document.documentElement as unknown as Element | null;
  const tooDeep = root !== null && depthOf(root) > MAX_DEPTH;
  const article = tooDeep ? null : new Readability(document as unknown as Document).parse();
  const text = tooDeep ? ((body ?? root)?.textContent ?? '').replace(/\s+/g, ' ').trim() : article?.content ? htmlToText(article.content) : '';
  if (text.trim() === '') {
    return skippedItem({ origin: path, id: null, reason: 'no-article', message: 'no article text found in the page' });
  }
  const metaDay = isoDay(meta?.slice(0, 10));
  const found = metaDay ? { date: metaDay, rule: 'metadata' } : inferDate(text, canonical, defaultDate);
  return documentItem({
    id: contentId(text),
    date: found?.date ?? null,
    ...(found ? { dateRule: found.rule } : {}),
    title: article?.title ?? '',
    text,
    ...(canonical ? { url: canonical } : {}),
    ...(article?.siteName ? { source: article.siteName } : {}),
    origin: path,
  });
}
