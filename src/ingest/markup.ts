import { parseHTML } from 'linkedom';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dt, dd, figcaption';

/**
 * The text of an HTML fragment with its paragraphs kept apart (one blank line
 * between blocks), so the text stage splits sentences where the page did.
 * linkedom parses; scripts and styles are dropped.
 *
 * @example
 * htmlToText('<p>China and Pakistan met.</p><p>Talks went well.</p>'); // 'China and Pakistan met.\n\nTalks went well.'
 */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root');
  if (!root) return '';
  for (const node of root.querySelectorAll('script, style, noscript')) node.remove();
  const blocks = [...root.querySelectorAll(BLOCKS)]
    .filter((el) => !el.querySelector(BLOCKS))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '');
  return blocks.length > 0 ? blocks.join('\n\n') : (root.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
}
