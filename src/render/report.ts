import type { RunCounts } from '../aggregate/runAggregator.js';
import type { IndexOptions } from '../aggregate/pairPeriodIndex.js';
import { UNDIRECTED, describePairPeriods, pairPeriodCounts } from '../aggregate/pairPeriodCounts.js';
import type { PairPeriodIndex, PairSummary } from '../types/pairIndex.js';
import type { PairSentence } from '../types/evidence.js';
import type { Alert } from '../types/alert.js';
import { type PeriodKind, periodEnded } from '../aggregate/periods.js';
import { alertLines } from './alerts.js';
import { interval, pValue, pairName, signed } from './format.js';
import { boldEvidence, escapeMarkdown, safeLink, table } from './markdown.js';

/** The most negative and most positive sentences of one pair-period. */
export interface Extremes {
  negative: PairSentence[];
  positive: PairSentence[];
}

/** The chart files of a report, relative to it. */
export interface ChartFiles {
  overview: string | null;
  pairs: Map<string, { index: string; dimensions: string; movers: string | null }>;
}

/** What the run was, for the reproducibility footer. */
export interface RunMetadata {
  tool: string;
  version: string;
  /** sha256 (first 16 hex digits) of each lexicon file. */
  lexicons: Record<string, string>;
  /** sha256 of state.jsonl: the documents read, by id, date and content hash. */
  corpus: string;
  options: Record<string, unknown>;
}

export { UNDIRECTED } from '../aggregate/pairPeriodCounts.js';

/** Pairs given a section and a chart by default: the most covered ones. */
export const DEFAULT_TOP_PAIRS = 20;
/** Pairs given a section when none reaches the coverage threshold. */
const FALLBACK_PAIRS = 3;
/** Rows of the "Other pairs" table; the rest are in index.csv. */
const OTHER_PAIRS_LISTED = 40;

/** What the report shows: how many pairs get a section and a chart, and what counts as latest. */
export interface ReportOptions {
  top: number;
  /** Only periods that had ended by this day (`YYYY-MM-DD`) count as a pair's latest; without it, the last period with articles. */
  completeBefore?: string;
  /** The run's alerts: the report opens with them, and each alerted pair gets a section and a chart. */
  alerts?: readonly Alert[];
}

export interface ReportInput {
  counts: RunCounts;
  index: PairPeriodIndex[];
  extremes: ReadonlyMap<string, Extremes>;
  /** Per pair, its counted documents by language (ISO 639-1). */
  languages: ReadonlyMap<string, ReadonlyMap<string, number>>;
  names: ReadonlyMap<string, string>;
  pairs: PairSummary[];
  /** Chart file (relative to the report) per pair. */
  charts: ChartFiles;
  options: IndexOptions;
  report: ReportOptions;
  meta: RunMetadata;
}

function articleCount(cells: readonly PairPeriodIndex[]): number {
  return cells.reduce((n, c) => n + c.articles, 0);
}

/** Significant moves the key findings name: the largest, at most this many. */
const HEADLINE_MOVES = 5;

/**
 * The largest significant moves between consecutive periods, the key findings' headline; with
 * `completeBefore`, only moves into periods that had ended by then.
 */
function headlineMoves(index: readonly PairPeriodIndex[], period: PeriodKind, completeBefore: string | undefined): PairPeriodIndex[] {
  return completeCells(index, period, completeBefore)
    .filter((c) => c.direction === UNDIRECTED && c.significant)
    .sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0) || (a.pair < b.pair ? -1 : 1) || (a.period < b.period ? -1 : 1))
    .slice(0, HEADLINE_MOVES);
}

/**
 * Pairs given a section and a chart: those named together in at least
 * `minArticles` articles, the `top` most covered of them, then every pair
 * the key findings or the alerts name, however covered.
 */
export function reportedPairs(
  index: readonly PairPeriodIndex[],
  { minArticles, period }: Pick<IndexOptions, 'minArticles' | 'period'>,
  report: ReportOptions,
): Array<[string, PairPeriodIndex[]]> {
  const pairs = cellsByPair(index);
  const covered = pairs.filter(([, cells]) => articleCount(cells) >= minArticles);
  // A small input (one page, a few articles) still gets its evidence shown: its best-covered pairs.
  const top = (covered.length > 0 ? covered : pairs.slice(0, FALLBACK_PAIRS)).slice(0, report.top);
  const named = new Set([...headlineMoves(index, period, report.completeBefore), ...(report.alerts ?? [])].map((c) => c.pair));
  for (const [pair] of top) named.delete(pair);
  return [...top, ...pairs.filter(([pair]) => named.has(pair))];
}

/**
 * Undirected cells grouped by pair, pairs ordered by articles (most covered
 * first), then code. Directed dyads are left out: they are quoted inside
 * their pair's section.
 */
export function cellsByPair(index: readonly PairPeriodIndex[]): Array<[string, PairPeriodIndex[]]> {
  const groups = new Map<string, PairPeriodIndex[]>();
  for (const cell of index) {
    if (cell.direction !== UNDIRECTED) continue;
    const group = groups.get(cell.pair);
    if (group) group.push(cell);
    else groups.set(cell.pair, [cell]);
  }
  return [...groups.entries()].sort(([pa, a], [pb, b]) => articleCount(b) - articleCount(a) || (pa < pb ? -1 : 1));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeCell(cell: PairPeriodIndex): string {
  const spread = cell.ciLow === null || cell.ciHigh === null ? 'no interval' : `95% CI ${interval(cell.ciLow, cell.ciHigh)}`;
  return `${signed(cell.index)} in ${cell.period} (${plural(cell.articles, 'article')}, ${spread})`;
}

function describeMove(cell: PairPeriodIndex): string {
  const verb = (cell.delta ?? 0) < 0 ? 'fell' : 'rose';
  const before = cell.index - (cell.delta ?? 0);
  return (
    `**${cell.pair}** ${verb} from ${signed(before)} (${cell.previousPeriod}) to ${signed(cell.index)} in ${cell.period}, ` +
    `${pValue(cell.pChange ?? 1)}, ${plural(cell.articles, 'article')}`
  );
}

function significantMoves(index: readonly PairPeriodIndex[], period: PeriodKind, completeBefore: string | undefined): string[] {
  const moves = headlineMoves(index, period, completeBefore);
  if (moves.length === 0) return ['- No change between consecutive periods was significant (p < 0.05 with enough articles on both sides).'];
  return [`- Largest significant moves: ${moves.map(describeMove).join('; ')}.`];
}

function coverageWarning(index: readonly PairPeriodIndex[], minArticles: number): string[] {
  const { pairPeriods, lowCoverage } = pairPeriodCounts(index);
  if (lowCoverage === 0) return [];
  return [
    `- Coverage: ${lowCoverage} of ${pairPeriods} pair-periods have fewer than ${minArticles} articles; ` +
      'their values are noisy (see the intervals), and the shrunk value in the tables pulls them toward the pair\'s long-run mean.',
  ];
}

/** The cells that may be called latest: all, or with `completeBefore` those of periods that had ended by then. */
function completeCells(cells: readonly PairPeriodIndex[], period: PeriodKind, completeBefore: string | undefined): PairPeriodIndex[] {
  return completeBefore === undefined ? [...cells] : cells.filter((c) => periodEnded(c.period, period, completeBefore));
}

function findings(
  pairs: Array<[string, PairPeriodIndex[]]>,
  summaries: readonly PairSummary[],
  names: ReadonlyMap<string, string>,
  period: PeriodKind,
  completeBefore: string | undefined,
): string[] {
  const trend = new Map(summaries.map((s) => [s.pair, s.trendSlope]));
  return pairs.map(([pair, cells]) => {
    const lowest = cells.reduce((a, b) => (b.index < a.index ? b : a));
    const highest = cells.reduce((a, b) => (b.index > a.index ? b : a));
    const latest = completeCells(cells, period, completeBefore).pop();
    const total = articleCount(cells);
    return (
      `- **${escapeMarkdown(pairName(pair, names))} (${pair})**, ${plural(total, 'article')} over ${plural(cells.length, period)}: ` +
      `lowest ${describeCell(lowest)}; highest ${describeCell(highest)}; ` +
      (latest ? `latest ${describeCell(latest)}` : `no ${period} had ended by ${completeBefore}`) +
      (trend.get(pair) != null ? `; linear trend ${signed(trend.get(pair) as number)} points per ${period}.` : '.')
    );
  });
}

function quote(sentence: PairSentence): string {
  const where = safeLink(sentence.source ?? sentence.docId, sentence.url);
  const events = sentence.events ?? [];
  const acts = events.map((e) => `${e.mutual ? `${e.source}↔${e.target}` : `${e.source}→${e.target}`} ${escapeMarkdown(e.pattern)} (CAMEO ${e.code}, ${e.effective})`);
  const spans = [...sentence.trustEvidence, ...events];
  return `- ${signed(sentence.trust * 100)} · ${sentence.date} · ${where}: “${boldEvidence(sentence.text, spans)}”${acts.length > 0 ? ` — ${acts.join('; ')}` : ''}`;
}

/** Evidence of the latest months that have any: the most negative and most positive sentences. */
function evidence(pair: string, cells: PairPeriodIndex[], extremes: ReadonlyMap<string, Extremes>): string[] {
  const lines: string[] = [];
  for (const cell of cells.slice(-2).reverse()) {
    const found = extremes.get(`${pair} ${cell.period}`);
    if (!found) continue;
    for (const [label, list] of [['most negative', found.negative], ['most positive', found.positive]] as const) {
      if (list.length > 0) lines.push(`**${cell.period}** — ${label}:`, '', ...list.map(quote), '');
    }
  }
  return lines;
}

function change(cell: PairPeriodIndex): string {
  if (cell.delta === null) return '—';
  const p = cell.pChange === null ? '' : ` (${pValue(cell.pChange)})`;
  return `${signed(cell.delta)}${p}${cell.significant ? ' **significant**' : ''}`;
}

function dimensionTable(cells: readonly PairPeriodIndex[]): string[] {
  const recent = cells.slice(-6);
  const dimensions = [...new Set(recent.flatMap((c) => Object.keys(c.dimensions)))].sort();
  if (dimensions.length === 0) return [];
  const rows = recent.map((c) => [c.period, ...dimensions.map((d) => signed(c.dimensions[d] ?? 0))]);
  return ['Index points by dimension (they add up to the index), latest periods:', '', table(['Period', ...dimensions], rows), ''];
}

function movers(cells: readonly PairPeriodIndex[]): string[] {
  const latest = cells[cells.length - 1];
  if (!latest || latest.topEntries.length === 0) return [];
  const list = latest.topEntries.map((e) => `${escapeMarkdown(e.entry)} (${e.dimension}) ${signed(e.contribution)}`).join(', ');
  return [`Entries that moved ${latest.period} most: ${list}.`, ''];
}

/** Directed dyads of a pair: the sentences where one side acts on the other, by period. */
function dyads(pair: string, index: readonly PairPeriodIndex[]): string[] {
  const directed = index.filter((c) => c.pair === pair && c.direction !== UNDIRECTED);
  if (directed.length === 0) return [];
  const rows = directed.map((c) => [c.direction.replace('>', ' → '), c.period, signed(c.index), String(c.articles)]);
  return ['Directed (sentences where one country acts on the other):', '', table(['Direction', 'Period', 'Index', 'Articles'], rows), ''];
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** Which languages the pair's documents were written in: "Documents by language: English 40, Chinese 12". */
function languageLine(counts: ReadonlyMap<string, number> | undefined): string[] {
  if (!counts || counts.size === 0) return [];
  const parts = [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([code, n]) => `${code === 'und' ? 'undetermined' : (LANGUAGE_NAMES.of(code) ?? code)} ${n}`);
  return [`Documents by language: ${parts.join(', ')} (\`--languages\` splits the index by language).`, ''];
}

function pairSection(pair: string, cells: PairPeriodIndex[], input: ReportInput): string[] {
  const chart = input.charts.pairs.get(pair);
  const rows = cells.map((c) => [
    c.lowCoverage ? `${c.period} (low coverage)` : c.period,
    signed(c.index),
    interval(c.ciLow, c.ciHigh),
    signed(c.indexShrunk),
    String(c.articles),
    change(c),
  ]);
  return [
    `## ${escapeMarkdown(pairName(pair, input.names))} (${pair})`,
    '',
    ...(chart ? [`![Trust index of ${pair} by ${input.options.period}](${chart.index})`, ''] : []),
    table(['Period', 'Index', '95% CI', 'Shrunk', 'Articles', 'Change from previous'], rows),
    '',
    ...languageLine(input.languages.get(pair)),
    ...(chart ? [`![Index of ${pair} by dimension](${chart.dimensions})`, ''] : []),
    ...dimensionTable(cells),
    ...(chart?.movers ? [`![Entries that moved the latest ${input.options.period} of ${pair}](${chart.movers})`, ''] : []),
    ...movers(cells),
    ...dyads(pair, input.index),
    ...evidence(pair, cells, input.extremes),
  ];
}

/** Which periods the report and alerts do not call latest because they had not ended, if any. */
function partialPeriods(index: readonly PairPeriodIndex[], period: PeriodKind, completeBefore: string | undefined): string[] {
  if (completeBefore === undefined) return [];
  const complete = new Set(completeCells(index, period, completeBefore));
  const partial = [...new Set(index.filter((c) => !complete.has(c)).map((c) => c.period))].sort();
  if (partial.length === 0) return [];
  return [`- Not yet ended on ${completeBefore}, so not counted as latest: ${partial.join(', ')}`];
}

function summary(counts: RunCounts, index: readonly PairPeriodIndex[], period: string): string[] {
  const periods = index.map((c) => c.period).sort();
  const kinds = Object.entries(counts.duplicatesByKind).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${n} ${k}`);
  const reasons = Object.entries(counts.skippedByReason).sort(([a], [b]) => (a < b ? -1 : 1));
  const skipped = reasons.length === 0 ? 'none' : reasons.map(([reason, n]) => `${n} ${reason}`).join(', ');
  return [
    `- Period: ${periods[0] ?? 'n/a'} to ${periods[periods.length - 1] ?? 'n/a'}, by ${period}; ${describePairPeriods(index)}`,
    `- Inputs read: ${counts.inputs}; documents: ${counts.documents}; scored (naming a country pair): ${counts.scored}; no pair found: ${counts.noPair}`,
    `- Skipped: ${counts.skipped} (${skipped}); details in \`skipped.jsonl\``,
    `- Duplicates folded (syndicated copies counted once, as the earliest): ${counts.duplicates}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`,
    `- Sentences read (all documents, copies included): ${counts.sentences}; of them naming a country pair, in the documents counted: ` +
      `${counts.sentencesAboutPairs}, making ${counts.pairSentences} pair-sentences (a sentence counts once for each pair it names); ` +
      `page furniture and boilerplate paragraphs dropped: ${counts.boilerplateParagraphs}; sentences in languages not read (neither English, Chinese nor Russian) skipped: ${counts.otherLanguageSentences}`,
  ];
}

const METHOD = [
  '## Method',
  '',
  '- **Languages.** Each paragraph’s language is identified (script first; English by its function words; otherwise eld, the Efficient Language Detector) and read with its own segmenter, gazetteer and lexicons: English; Chinese (ICU sentences, jieba words with our lexicons in its dictionary, `lexicons/zh/`); Russian (ICU sentences, words matched on their stems, names in every case form, `lexicons/ru/`). A paragraph too short to tell takes the page’s language; headlines and menus in another language than the page’s are page furniture. Sentences in other languages are counted, not read.',
  '- **Sentences about a pair.** Each article is split into sentences (page boilerplate such as disclaimers, syndication footers and lines of bare source credits removed) and the countries each names are found — by name, demonym, capital, seat of government, combining form such as “Sino-”, or a leader in office that day. A country named only as a venue (“talks in Geneva”, “in Islamabad”) is no party to the sentence; a sentence that names more than eight countries is a list, whose mentions are counted but which forms no pair.',
  '- **Events.** What states do to each other is coded from `lexicons/events.tsv`: verb and noun patterns (“take control of”, “recall … ambassador”, “impose sanctions on”, “sign … agreement”) in every inflection and in the passive, each with its CAMEO category and a Goldstein severity from −10 (military attack) to +10. Each event gets a source and a target among the sentence’s countries by its shape: the subject before the verb acts, the object after it (or after “against”, “on”, “with”, “to”) is acted on, a passive “by” turns them round, “X and Y signed” is mutual, and what follows “says” is the speaker’s. An event counts only for the pair of its source and target, and for that directed dyad; a negated event (“did not attack”) counts nothing, a hedged or attempted one less, a reversed one (“lifted the blockade”) the other way, and an infinitive under another event (“threatened to cut off gas”) is that event’s content.',
  '- **Sentence trust.** Attitude words of the trust lexicon (`lexicons/trust.tsv`, weights −5…+5, half the Goldstein scale) are matched, longest phrase first, and adjusted by rules: negation (×−0.75, or ×−0.375 on a negative entry), boosters and dampeners, hedges (may, could, if), contrast (what comes before “but” weighs half), past framing (“was once an unbreakable partnership”), reversal (“lifted its tariffs”), emphasis (exclamation marks), topic (beside a cooperative act, what it is about: “met to work out a disagreement”) and rejection (what follows “rejects an offer” is what was turned down). Words inside proper names (“the Vietnam War”) are not evidence. In a sentence with events, a word counts for the pair of the event nearest it, and words after “says” for the speaker and the countries named after it; countries that take part in no event get nothing. Without an event, words count for the pair when the sentence names two countries, and for none when it names more. A pair’s sentence score is (Σ words + ½ Σ Goldstein) / 5, clamped to −1…+1: one military attack alone is −1, a protest −0.2, so a month of invasion reads far below a month of sharp words. `sentences.jsonl` lists every word and event, its span and the rules that fired.',
  '- **Tone** is scored the same way with AFINN-165, the words of VADER’s lexicon that AFINN lacks, and our news overrides and emoticons (`lexicons/tone.tsv`), in English only: no maintained general tone lexicon for Chinese or Russian could be shipped, so their sentences carry no tone evidence and their tone reads 0; read tone only from English sentences.',
  '- **Duplicates.** Syndicated copies count once: exact copies share the hash of their words; near copies (small edits) have an estimated Jaccard similarity of their 3-word shingles ≥ 0.6 (64 MinHash values, LSH banding) and appear within 3 days of each other. Each group keeps its earliest document.',
  '- **Article weighting.** An article’s score for a pair is the mean of its sentences about that pair, so a long article counts once, like a short one.',
  '- **Index.** The index of a period is 100 × Σ article scores / (n + n̄), with n its articles and n̄ the pair’s typical coverage (its mean articles per period that has any): the mean article score times the coverage weight n / (n + n̄). −100 is all distrust, 0 neutral, +100 all cooperation. A period of typical coverage shows half its mean, a period of ten times the usual coverage 91% of it, and a thin period stays near neutral, so a month of war, reported at length, reads far below a month of two sharp statements. The 95% interval is Student’s t interval of the mean article score (x̄ ± t·s/√n with n − 1 degrees of freedom, kept within −100…+100) times the weight, which covers the true mean about 95% of the time even from two or five articles, where a bootstrap gives too narrow a range; a period with one article, or whose articles all score the same, has none. The index splits exactly into dimensions (diplomatic, security, economic, technology, people, general) and into the lexicon entries that produced it (`contributions.csv`).',
  '- **Low coverage and shrinkage.** A period with fewer articles than the threshold is flagged and drawn hollow. The shrunk value pulls each period toward the pair’s long-run mean μ by empirical Bayes: with σ² the pooled within-period variance of article scores, N articles in k periods, τ² = max(0, (Σ n(x̄ − μ)² − (k − 1)σ²) / (N − Σn²/N)) (each period weighted by its articles), B = (σ²/n) / (σ²/n + τ²), shrunk = (μ + (1 − B)(x̄ − μ)) × the coverage weight.',
  '- **Change.** The change from the previous period with articles is tested with a two-sided permutation test of the difference of the mean article scores (a change of coverage alone is not tested; seeded; 1,000 permutations, then 10,000 unless the first 1,000 already give p > 0.2); p = (k + 1)/(n + 1) when k of n permutations are as extreme, so it is never 0, and is printed as p < 0.001 below that. It is significant when p < 0.05 and both periods reach the coverage threshold. The 3-period rolling mean averages the periods with articles among the current one and the two before; the trend is a least-squares line through the period indices.',
  '',
  '## Caveats',
  '',
  '- Events are coded from the shape of a sentence, not a parse: a long sentence with several clauses can give an act to the wrong country, and irony, long-range context and facts the text does not state are missed. Read the evidence sentences before quoting a number.',
  '- Coverage decides what is measured: a period with few articles is noisy (see its interval and article count), and outlets differ in what they report.',
  '- English, Chinese and Russian are read, with lexicons written for each; text in other languages is counted, not scored, and translated articles carry the translator’s word choices. The Chinese and Russian lexicons are younger and smaller than the English ones: compare a pair across languages by the direction of its moves rather than its level.',
];

function footer(meta: RunMetadata): string[] {
  const lexicons = Object.entries(meta.lexicons).map(([file, digest]) => `${file} ${digest}`).join(', ');
  return [
    '## Reproducibility',
    '',
    `- Tool: ${meta.tool} ${meta.version}`,
    `- Lexicons (sha256 of our files, versions of the published ones): ${lexicons}`,
    `- Documents read (sha256 of \`state.jsonl\`: ids, dates and content hashes): ${meta.corpus}`,
    // Inside a code span nothing is interpreted; only a backtick could end it early.
    `- Options: \`${JSON.stringify(meta.options).replace(/`/g, "'")}\``,
  ];
}

function otherPairs(shown: ReadonlySet<string>, input: ReportInput): string[] {
  const minor = cellsByPair(input.index).filter(([pair]) => !shown.has(pair));
  if (minor.length === 0) return [];
  const names = input.names;
  const rows = minor.slice(0, OTHER_PAIRS_LISTED).map(([pair, cells]) => [
    `${escapeMarkdown(pairName(pair, names))} (${pair})`,
    String(articleCount(cells)),
    cells.map((c) => `${c.period}: ${signed(c.index)}`).join(', '),
  ]);
  return [
    '## Other pairs',
    '',
    `Pairs with fewer than ${input.options.minArticles} articles, or beyond the ${input.report.top} most covered: ` +
      `${plural(minor.length, 'pair')}${minor.length > OTHER_PAIRS_LISTED ? `, the ${OTHER_PAIRS_LISTED} most covered listed` : ''}. ` +
      'All their periods are in `index.csv`.',
    '',
    table(['Pair', 'Articles', 'Periods'], rows),
    '',
  ];
}

/** The Markdown report: summary, findings from the data, a section per pair, method, caveats, footer. */
export function renderReport(input: ReportInput): string {
  const pairs = reportedPairs(input.index, input.options, input.report);
  const undirected = input.index.filter((c) => c.direction === UNDIRECTED);
  const { completeBefore, alerts = [] } = input.report;
  const lines = [
    '# Trust index report',
    '',
    ...(alerts.length > 0 ? ['## Alerts', '', ...alertLines(alerts, input.names), ''] : []),
    ...summary(input.counts, input.index, input.options.period),
    ...partialPeriods(undirected, input.options.period, completeBefore),
    '',
    ...(input.charts.overview ? [`![All pairs by ${input.options.period}](${input.charts.overview})`, ''] : []),
    '## Key findings',
    '',
    ...significantMoves(undirected, input.options.period, completeBefore),
    ...coverageWarning(undirected, input.options.minArticles),
    ...(pairs.some(([, cells]) => articleCount(cells) < input.options.minArticles)
      ? [`- No pair was named together in ${input.options.minArticles} or more articles: the figures below rest on few articles and are shown for their evidence.`]
      : []),
    ...findings(pairs, input.pairs, input.names, input.options.period, completeBefore),
    '',
    ...pairs.flatMap(([pair, cells]) => pairSection(pair, cells, input)),
    ...otherPairs(new Set(pairs.map(([pair]) => pair)), input),
    ...METHOD,
    '',
    ...footer(input.meta),
    '',
  ];
  return lines.join('\n');
}
