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
 * One HTML page: the article is extracted with @mozilla/readability over a
 * linkedom DOM (navigation, link lists and page furniture left behind), its
 * paragraphs kept. The date comes from the page's meta tags, else its
 * canonical URL, header or text.
 */
export function readHtml(html: string, path: string, defaultDate: string | null): IngestItem {
  const { document } = parseHTML(html);
  const meta = DATE_META.map((selector) => document.querySelector(selector)?.getAttribute('content')).find((v) => v);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const article = new Readability(document as unknown as Document).parse();
  const text = article?.content ? htmlToText(article.content) : '';
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
