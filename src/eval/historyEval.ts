import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vader from 'vader-sentiment';
import { analyze } from '../api/analyze.js';
import { AGGREGATIONS, type ArticlePoint, COVERAGE_WEIGHTED, type Episode, type EpisodeResult, INTENSITY_METHODS, LINEAR, MEAN, articlePoints, checkEpisode, indexSeries, monthlySeries } from './episodeEval.js';

/** A document of an evaluation corpus, as the pipeline reads it. */
export interface CorpusDocument {
  id: string;
  date: string;
  title?: string;
  text: string;
}

export interface HistoryResult {
  /**
   * Per method: its name and each episode's result. The first is the index itself (its cells, as
   * index.csv has them); then the other ways of reading months and of scoring sentences.
   */
  methods: Array<{ name: string; results: EpisodeResult[] }>;
  /** VADER's compound score of every document naming both countries, on the same episodes, read as the index reads months; then as a mean. */
  vader: EpisodeResult[];
  vaderMean: EpisodeResult[];
  documents: number;
  pairSentences: number;
}

/**
 * Run the pipeline over a corpus (through a scratch JSONL file, as a user
 * would) and check each episode's month against the six before it, under each
 * intensity method and under VADER.
 */
export async function historyEval(documents: readonly CorpusDocument[], episodes: readonly Episode[]): Promise<HistoryResult> {
  const dir = mkdtempSync(join(tmpdir(), 'trust-index-eval-'));
  try {
    const file = join(dir, 'corpus.jsonl');
    writeFileSync(file, documents.map((d) => JSON.stringify(d)).join('\n'));
    const { sentences, documents: records, index } = await analyze([file]);
    // The index itself, its cells as index.csv has them; then the other readings of months (the linear
    // sentence score, which the index uses), and the other sentence scores read as the index reads months.
    const cells = indexSeries(index);
    const linearSeries = monthlySeries(articlePoints(sentences, LINEAR));
    const methods = [
      { name: 'the index: coverage-weighted Σ/(n + n̄), linear Σ/5 sentences', results: episodes.map((e) => checkEpisode(cells, e, COVERAGE_WEIGHTED)) },
      ...AGGREGATIONS.slice(1).map(([name, aggregation]) => ({ name: `${name}, linear Σ/5 sentences`, results: episodes.map((e) => checkEpisode(linearSeries, e, aggregation)) })),
      ...INTENSITY_METHODS.slice(1).map(([name, score]) => {
        const series = monthlySeries(articlePoints(sentences, score));
        return { name: `coverage-weighted, ${name} sentences`, results: episodes.map((e) => checkEpisode(series, e, COVERAGE_WEIGHTED)) };
      }),
    ];
    const text = new Map(documents.map((d) => [d.id, d.title ? `${d.title}. ${d.text}` : d.text]));
    const wanted = new Set(episodes.map((e) => e.pair));
    const vaderPoints: ArticlePoint[] = [];
    for (const record of records) {
      if (record.status !== 'scored' && record.status !== 'no-pair') continue;
      const codes = record.countries.map((c) => c.code);
      const pairs = [...wanted].filter((pair) => pair.split('-').every((code) => codes.includes(code)));
      if (pairs.length === 0 || record.date === null) continue;
      const compound = vader.SentimentIntensityAnalyzer.polarity_scores(text.get(record.id) ?? '').compound;
      for (const pair of pairs) vaderPoints.push({ pair, month: record.date.slice(0, 7), score: compound });
    }
    const vaderSeries = monthlySeries(vaderPoints);
    return {
      methods,
      vader: episodes.map((e) => checkEpisode(vaderSeries, e, COVERAGE_WEIGHTED)),
      vaderMean: episodes.map((e) => checkEpisode(vaderSeries, e, MEAN)),
      documents: records.length,
      pairSentences: sentences.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
