import type { RunCounts } from '../pipeline.js';
import type { PairMonthIndex, PairSentence } from '../types.js';
import { interval, signed } from './format.js';
import { pairName } from './indexTables.js';
import { boldEvidence, escapeMarkdown, safeLink, table } from './markdown.js';
import type { Extremes } from './outputSink.js';

/** What the run was, for the reproducibility footer. */
export interface RunMetadata {
  tool: string;
  version: string;
  /** sha256 (first 16 hex digits) of each lexicon file. */
  lexicons: Record<string, string>;
  options: Record<string, unknown>;
}

/** Pairs with fewer articles than this get a line in "Other pairs" instead of a section and chart. */
export const MIN_PAIR_ARTICLES = 5;

export interface ReportInput {
  counts: RunCounts;
  index: PairMonthIndex[];
  extremes: ReadonlyMap<string, Extremes>;
  names: ReadonlyMap<string, string>;
  /** Chart file (relative to the report) per pair. */
  charts: ReadonlyMap<string, string>;
  meta: RunMetadata;
}

function articleCount(cells: readonly PairMonthIndex[]): number {
  return cells.reduce((n, c) => n + c.articles, 0);
}

/** Pairs covered well enough for a section and a chart of their own. */
export function reportedPairs(index: readonly PairMonthIndex[]): Array<[string, PairMonthIndex[]]> {
  return cellsByPair(index).filter(([, cells]) => articleCount(cells) >= MIN_PAIR_ARTICLES);
}

/** Cells grouped by pair, pairs ordered by articles (most covered first), then code. */
export function cellsByPair(index: readonly PairMonthIndex[]): Array<[string, PairMonthIndex[]]> {
  const groups = new Map<string, PairMonthIndex[]>();
  for (const cell of index) {
    const group = groups.get(cell.pair);
    if (group) group.push(cell);
    else groups.set(cell.pair, [cell]);
  }
  return [...groups.entries()].sort(([pa, a], [pb, b]) => articleCount(b) - articleCount(a) || (pa < pb ? -1 : 1));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeCell(cell: PairMonthIndex): string {
  const spread = cell.ciLow === null || cell.ciHigh === null ? 'no interval' : `95% CI ${interval(cell.ciLow, cell.ciHigh)}`;
  return `${signed(cell.index)} in ${cell.month} (${plural(cell.articles, 'article')}, ${spread})`;
}

function findings(pairs: Array<[string, PairMonthIndex[]]>, names: ReadonlyMap<string, string>): string[] {
  return pairs.map(([pair, cells]) => {
    const lowest = cells.reduce((a, b) => (b.index < a.index ? b : a));
    const highest = cells.reduce((a, b) => (b.index > a.index ? b : a));
    const latest = cells[cells.length - 1] as PairMonthIndex;
    const total = articleCount(cells);
    return (
      `- **${escapeMarkdown(pairName(pair, names))} (${pair})**, ${plural(total, 'article')} over ${plural(cells.length, 'month')}: ` +
      `lowest ${describeCell(lowest)}; highest ${describeCell(highest)}; latest ${describeCell(latest)}.`
    );
  });
}

function quote(sentence: PairSentence): string {
  const where = safeLink(sentence.source ?? sentence.docId, sentence.url);
  return `- ${signed(sentence.trust * 100)} · ${sentence.date} · ${where}: “${boldEvidence(sentence.text, sentence.trustEvidence)}”`;
}

/** Evidence of the latest months that have any: the most negative and most positive sentences. */
function evidence(pair: string, cells: PairMonthIndex[], extremes: ReadonlyMap<string, Extremes>): string[] {
  const lines: string[] = [];
  for (const cell of cells.slice(-2).reverse()) {
    const found = extremes.get(`${pair} ${cell.month}`);
    if (!found) continue;
    for (const [label, list] of [['most negative', found.negative], ['most positive', found.positive]] as const) {
      if (list.length > 0) lines.push(`**${cell.month}** — ${label}:`, '', ...list.map(quote), '');
    }
  }
  return lines;
}

function pairSection(pair: string, cells: PairMonthIndex[], input: ReportInput): string[] {
  const chart = input.charts.get(pair);
  const rows = cells.map((c) => [c.month, signed(c.index), interval(c.ciLow, c.ciHigh), String(c.articles), String(c.sentences)]);
  return [
    `## ${escapeMarkdown(pairName(pair, input.names))} (${pair})`,
    '',
    ...(chart ? [`![Trust index of ${pair} by month](${chart})`, ''] : []),
    table(['Month', 'Index', '95% CI', 'Articles', 'Sentences'], rows),
    '',
    ...evidence(pair, cells, input.extremes),
  ];
}

function summary(counts: RunCounts, index: readonly PairMonthIndex[]): string[] {
  const months = index.map((c) => c.month).sort();
  const reasons = Object.entries(counts.skippedByReason).sort(([a], [b]) => (a < b ? -1 : 1));
  const skipped = reasons.length === 0 ? 'none' : reasons.map(([reason, n]) => `${n} ${reason}`).join(', ');
  return [
    `- Period: ${months[0] ?? 'n/a'} to ${months[months.length - 1] ?? 'n/a'}`,
    `- Inputs read: ${counts.inputs}; documents: ${counts.documents}; scored (naming a country pair): ${counts.scored}; no pair found: ${counts.noPair}`,
    `- Skipped: ${counts.skipped} (${skipped}); details in \`skipped.jsonl\``,
    `- Sentences read: ${counts.sentences}; sentences about a pair: ${counts.pairSentences}; boilerplate paragraphs dropped: ${counts.boilerplateParagraphs}; non-English sentences skipped: ${counts.nonEnglishSentences}`,
  ];
}

const METHOD = [
  '## Method',
  '',
  '- **Sentences about a pair.** Each article is split into sentences (page boilerplate such as disclaimers and syndication footers removed, non-English sentences skipped). A sentence that names two or more countries — by name, demonym, capital, seat of government or combining form such as “Sino-” — counts for every pair among them.',
  '- **Sentence trust.** Entries of the trust lexicon (`lexicons/trust.tsv`, weights −5…+5 ordered like the Goldstein scale) are matched, longest phrase first, and adjusted by rules: negation (×−0.75, or ×−0.375 on a negative entry), boosters and dampeners, hedges (may, could, if), contrast (what comes before “but” weighs half) and past framing (“was once an unbreakable partnership”). The sentence score is Σe / (Σ|e| + 2), in −1…+1. `sentences.jsonl` lists every match, its span and the rules that fired.',
  '- **Tone** is scored the same way with AFINN-165 and our news overrides (`lexicons/tone.tsv`).',
  '- **Article weighting.** An article’s score for a pair is the mean of its sentences about that pair, so a long article counts once, like a short one.',
  '- **Index.** The monthly index is the mean article score ×100: −100 is all distrust, 0 neutral, +100 all cooperation. The 95% interval is a percentile bootstrap over the month’s articles (2,000 resamples, seeded, so reruns agree); a month with one article has none.',
  '',
  '## Caveats',
  '',
  '- Lexicon methods read words, not events: irony, long-range context and facts the text does not state are missed. Read the evidence sentences before quoting a number.',
  '- Coverage decides what is measured: a month with few articles is noisy (see its interval and article count), and outlets differ in what they report.',
  '- Only English text is scored; translated articles carry the translator’s word choices.',
];

function footer(meta: RunMetadata): string[] {
  const lexicons = Object.entries(meta.lexicons).map(([file, digest]) => `${file} ${digest}`).join(', ');
  return [
    '## Reproducibility',
    '',
    `- Tool: ${meta.tool} ${meta.version}`,
    `- Lexicons (sha256): ${lexicons}`,
    // Inside a code span nothing is interpreted; only a backtick could end it early.
    `- Options: \`${JSON.stringify(meta.options).replace(/`/g, "'")}\``,
  ];
}

function otherPairs(index: readonly PairMonthIndex[], names: ReadonlyMap<string, string>): string[] {
  const minor = cellsByPair(index).filter(([, cells]) => articleCount(cells) < MIN_PAIR_ARTICLES);
  if (minor.length === 0) return [];
  const rows = minor.map(([pair, cells]) => [
    `${escapeMarkdown(pairName(pair, names))} (${pair})`,
    String(articleCount(cells)),
    cells.map((c) => `${c.month}: ${signed(c.index)}`).join(', '),
  ]);
  return [
    '## Other pairs',
    '',
    `Pairs named together in fewer than ${MIN_PAIR_ARTICLES} articles; too thin for a trend. All their months are in \`index.csv\`.`,
    '',
    table(['Pair', 'Articles', 'Months'], rows),
    '',
  ];
}

/** The Markdown report: summary, findings from the data, a section per pair, method, caveats, footer. */
export function renderReport(input: ReportInput): string {
  const pairs = reportedPairs(input.index);
  const lines = [
    '# Trust index report',
    '',
    ...summary(input.counts, input.index),
    '',
    '## Key findings',
    '',
    ...(pairs.length > 0
      ? findings(pairs, input.names)
      : [`- No pair was named together in ${MIN_PAIR_ARTICLES} or more articles; see "Other pairs" and \`index.csv\`.`]),
    '',
    ...pairs.flatMap(([pair, cells]) => pairSection(pair, cells, input)),
    ...otherPairs(input.index, input.names),
    ...METHOD,
    '',
    ...footer(input.meta),
    '',
  ];
  return lines.join('\n');
}
