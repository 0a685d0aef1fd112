import type { EvidenceItem } from '../types/evidence.js';
import { printable } from '../util/printable.js';

const SPECIAL = /[\\`*_{}[\]()<>#|!~]/g;

/**
 * Escape text from the input so it cannot become Markdown or HTML: pipes
 * cannot break a table, angle brackets cannot open a tag, brackets cannot
 * make a link, backticks cannot open code. Line breaks become spaces;
 * other control and bidi characters are shown as their codes (`printable`).
 *
 * @example
 * escapeMarkdown('a|b <script>'); // 'a\\|b \\<script\\>'
 */
export function escapeMarkdown(text: string): string {
  return printable(text.replace(/\s+/g, ' ')).replace(SPECIAL, (ch) => `\\${ch}`);
}

/** Characters a URL keeps after parsing that would end or nest a Markdown link, or a tag. */
const LINK_BREAKING = /[()<> \\[\]]/g;

/**
 * A link only for http(s) URLs; anything else (javascript:, data:) is dropped. Brackets,
 * parentheses, angle brackets and spaces are percent-encoded (encodeURIComponent leaves
 * `(` and `)` as they are), so `http://evil/)![x](http://evil/)` stays one link.
 */
export function safeLink(label: string, url: string | undefined): string {
  if (!url) return escapeMarkdown(label);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return escapeMarkdown(label);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](${parsed.href.replace(LINK_BREAKING, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

/**
 * A sentence with the words that moved its score in bold, everything else
 * escaped.
 *
 * @example
 * boldEvidence('deep mistrust grows', [{ start: 5, end: 13, ... }]); // 'deep **mistrust** grows'
 */
export function boldEvidence(text: string, evidence: readonly Pick<EvidenceItem, 'start' | 'end'>[]): string {
  const spans = [...evidence].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue;
    out += escapeMarkdown(text.slice(cursor, span.start));
    out += `**${escapeMarkdown(text.slice(span.start, span.end))}**`;
    cursor = span.end;
  }
  return out + escapeMarkdown(text.slice(cursor));
}

/** A Markdown table from a header and rows of already-safe cells. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
