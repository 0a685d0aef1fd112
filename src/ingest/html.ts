import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isoDay } from './dates.js';
import { contentId } from './identity.js';
import { type FoundDate, dateFromUrl, inferDate } from './inferDate.js';
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

/** A page as a crawler captured it (a WARC response record): where it was fetched from, and when. */
export interface CapturedPage {
  /** The URL fetched (`WARC-Target-URI`): the document's id, and its URL where the page names no canonical one. */
  url: string;
  /** The day it was fetched (`WARC-Date`), `YYYY-MM-DD`. */
  crawled: string;
}

/**
 * One HTML page: the article is extracted with @mozilla/readability over a
 * linkedom DOM (navigation, link lists and page furniture left behind), its
 * paragraphs kept. The date comes from the page's meta tags, else its
 * canonical URL, header or text. A captured page's date comes from its meta
 * tags, else its URL, else the day it was fetched (see `pageDate`).
 */
export function readHtml(html: string, path: string, defaultDate: string | null, captured?: CapturedPage): IngestItem {
  try {
    return extract(html, path, defaultDate, captured);
  } catch (error) {
    // linkedom recurses over the tree: a pathologically nested page can exhaust the stack.
    return skippedItem({ origin: path, id: null, reason: 'no-article', message: `page could not be parsed: ${(error as Error).message}` });
  }
}

/**
 * A captured page's date when its meta tags give none: the date in its URL, else the day it was
 * fetched. The fetch day goes before any date in the text: a news crawl fetches articles within days
 * of publication, while the first full date in an article is as often an anniversary or a treaty's.
 */
function pageDate(text: string, url: string | undefined, defaultDate: string | null, captured: CapturedPage | undefined): FoundDate | null {
  if (!captured) return inferDate(text, url, defaultDate);
  const fromUrl = dateFromUrl(url) ?? dateFromUrl(captured.url);
  return fromUrl ? { date: fromUrl, rule: 'url' } : { date: captured.crawled, rule: 'crawl' };
}

/**
 * The same characters in a string of their own. Readability's title and site name are slices of the
 * page's text, and V8 keeps a whole string alive while any slice of it lives: 2,000 documents read from
 * a WARC of 40 kB pages held 175 MB of heap through their titles, 63 MB with copies.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function extract(html: string, path: string, defaultDate: string | null, captured: CapturedPage | undefined): IngestItem {
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
  const found = metaDay ? { date: metaDay, rule: 'metadata' } : pageDate(text, canonical, defaultDate, captured);
  const url = canonical ?? captured?.url;
  return documentItem({
    // A captured page is known by the URL it was fetched from: a page fetched twice is one document.
    id: captured?.url ?? contentId(text),
    date: found?.date ?? null,
    ...(found ? { dateRule: found.rule } : {}),
    title: ownCopy(article?.title ?? ''),
    text,
    ...(url ? { url } : {}),
    ...(article?.siteName ? { source: ownCopy(article.siteName) } : {}),
    origin: path,
  });
}
