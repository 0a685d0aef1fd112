import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { contentId } from './identity.js';
import { inferDate } from './inferDate.js';
import { htmlToText } from './markup.js';
import { type IngestItem, documentItem, skippedItem } from './records.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', isArray: (name) => name === 'item' || name === 'entry' || name === 'link' });

function asText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return String((value as Node)['#text']);
  return '';
}

function day(value: string): string | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** The href of an Atom entry's alternate link, or an RSS item's link text. */
function linkOf(node: Node): string | undefined {
  const links = (node.link as unknown[] | undefined) ?? [];
  for (const link of links) {
    if (typeof link === 'string') return link;
    const attributes = link as Node;
    if (typeof attributes['@href'] === 'string' && (attributes['@rel'] ?? 'alternate') === 'alternate') return attributes['@href'] as string;
  }
  return undefined;
}

/**
 * RSS 2.0 and Atom feeds (fast-xml-parser): one document per item or entry,
 * with its HTML description or content turned into text. Dates from
 * pubDate, published or updated; ids from guid or id, else a content hash.
 */
export function* readFeed(xml: string, path: string, defaultDate: string | null): Generator<IngestItem> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    yield skippedItem({ origin: `${path}:${valid.err.line}`, id: null, reason: 'malformed-xml', message: valid.err.msg });
    return;
  }
  const tree = parser.parse(xml) as Node;
  const rss = (tree.rss as Node | undefined)?.channel as Node | undefined;
  const feed = tree.feed as Node | undefined;
  const items = ((rss?.item ?? feed?.entry) as Node[] | undefined) ?? [];
  const source = asText(rss?.title ?? feed?.title) || undefined;
  let n = 0;
  for (const item of items) {
    n += 1;
    const origin = `${path}#${n}`;
    const body = htmlToText(asText(item['content:encoded'] ?? item.content ?? item.description ?? item.summary));
    if (body.trim() === '') {
      yield skippedItem({ origin, id: null, reason: 'missing-text', message: 'feed item without description or content' });
      continue;
    }
    const url = linkOf(item);
    const given = day(asText(item.pubDate ?? item.published ?? item.updated ?? item['dc:date']));
    const found = given ? { date: given, rule: 'metadata' } : inferDate(body, url, defaultDate);
    yield documentItem({
      id: asText(item.guid ?? item.id) || contentId(body),
      date: found?.date ?? null,
      ...(found ? { dateRule: found.rule } : {}),
      title: htmlToText(asText(item.title)),
      text: body,
      ...(url ? { url } : {}),
      ...(source ? { source } : {}),
      origin,
    });
  }
}
