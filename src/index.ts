/**
 * trust-index as a library: the same pipeline the CLI runs, and its stages
 * for use on their own.
 */
export { run, type RunOptions, type RunSummary } from './api/run.js';
export { merge, type MergeOptions } from './api/merge.js';
export { analyze, type Analysis, type AnalyzeOptions } from './api/analyze.js';
export { runPipeline, analyzeDocument, type PipelineResult } from './pipeline/pipeline.js';
export { prepareDocument } from './pipeline/preparedDocument.js';
export type { RunCounts } from './aggregate/runAggregator.js';
export { readInputs, MissingInputError, type IngestOptions } from './ingest/readInputs.js';
export { DEFAULT_LIMITS, type IngestLimits } from './ingest/limits.js';
export { NoDocumentsError } from './output/outputSink.js';
export { articleBody } from './text/body.js';
export { splitSentences } from './text/sentences.js';
export { tokenizeWords } from './text/words.js';
export { findCountries } from './actors/findCountries.js';
export { defaultGazetteer } from './actors/gazetteer.js';
export { pairsOf } from './actors/pairs.js';
export { scoreSentence, scoreText, defaultScorer, type ScoreOptions, type Scorer, type TextScore } from './score/scoreSentence.js';
export { pairPeriodIndex, INDEX_SCALE, DEFAULT_INDEX_OPTIONS, type IndexOptions } from './aggregate/pairPeriodIndex.js';
export { periodOf, periodRange, type PeriodKind } from './aggregate/periods.js';
export { articleScores } from './aggregate/articleScores.js';
export { meanInterval } from './aggregate/meanInterval.js';
export { renderReport } from './render/report.js';
export type * from './types/document.js';
export type * from './types/sentence.js';
export type * from './types/evidence.js';
export type * from './types/pairIndex.js';
export type * from './types/alert.js';
export type { FinalRecord, PipelineSink } from './types/pipelineSink.js';
export type { PreparedDocument } from './types/analysis.js';
