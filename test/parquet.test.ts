import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../src/actors/gazetteer.js';
import { DEMO_CORPUS } from '../src/util/paths.js';
import { writeParquetTables } from '../src/output/parquetTables.js';
import { run } from '../src/api/run.js';
import type { DocumentRecord } from '../src/types/document.js';
import type { PairPeriodIndex } from '../src/types/pairIndex.js';
import type { PairSentence } from '../src/types/evidence.js';
import { differingOutputs, jsonl, tempDir } from './helpers.js';

/**
 * The Parquet files are read back with DuckDB, a reader that shares no code
 * with the writer, and compared value by value with the JSONL and JSON outputs.
 */
describe('--format parquet', () => {
  let out: string;
  let db: DuckDBConnection;
  const query = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJson();
  const table = (name: string) => `read_parquet('${join(out, `${name}.parquet`)}')`;

  beforeAll(async () => {
    out = tempDir('parquet');
    await run({ inputs: [DEMO_CORPUS], out, defaultDate: null, parquet: true });
    db = await (await DuckDBInstance.create(':memory:')).connect();
  });

  it('writes the index of undirected pairs and of directed dyads with the values and nulls of index.json', async () => {
    const { index } = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { index: PairPeriodIndex[] };
    for (const [name, cells] of [['index', index.filter((c) => c.direction === 'both')], ['index-directed', index.filter((c) => c.direction !== 'both')]] as const) {
      const rows = await query(`SELECT *, strftime(period_start, '%Y-%m-%d') AS day FROM ${table(name)}`);
      expect(cells.length).toBeGreaterThan(0);
      expect(rows).toHaveLength(cells.length);
      rows.forEach((row, i) => {
        const cell = cells[i] as PairPeriodIndex;
        expect(row).toMatchObject({
          pair: cell.pair, period: cell.period, day: `${cell.month}-01`, articles: cell.articles, trust_index: cell.index,
          trust_index_shrunk: cell.indexShrunk, ci_low: cell.ciLow, p_change: cell.pChange, significant: cell.significant,
          low_coverage: cell.lowCoverage, previous_period: cell.previousPeriod, trust: cell.trust, dim_security: cell.dimensions.security ?? 0,
        });
        if (name === 'index-directed') expect(`${row.actor}>${row.target}`).toBe(cell.direction);
      });
    }
    const types = await query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${table('index')})`);
    expect(types).toEqual(expect.arrayContaining([
      { column_name: 'trust_index', column_type: 'DOUBLE' }, { column_name: 'articles', column_type: 'INTEGER' },
      { column_name: 'significant', column_type: 'BOOLEAN' }, { column_name: 'ci_low', column_type: 'DOUBLE' },
      { column_name: 'period_start', column_type: 'DATE' },
    ]));
    expect(types.map((t) => t.column_name)).not.toContain('index');
  });

  it('writes every pair-sentence, with ISO dates as DATE', async () => {
    const sentences = jsonl<PairSentence>(join(out, 'sentences.jsonl'));
    const rows = await query(`SELECT doc_id, strftime(date, '%Y-%m-%d') AS day, pair, sentence_index, text, trust, tone, direction, inherited, proxy, source FROM ${table('sentences')}`);
    expect(rows).toEqual(sentences.map((s) => ({
      doc_id: s.docId, day: s.date, pair: s.pair, sentence_index: s.sentenceIndex, text: s.text, trust: s.trust, tone: s.tone,
      direction: s.direction ?? null, inherited: s.inherited === true, proxy: s.proxy === true, source: s.source ?? null,
    })));
    expect(await query(`SELECT typeof(date) AS t FROM ${table('sentences')} LIMIT 1`)).toEqual([{ t: 'DATE' }]);
  });

  it('writes trust evidence per pair-sentence and tone evidence once a sentence, joinable to its sentences', async () => {
    const sentences = jsonl<PairSentence>(join(out, 'sentences.jsonl'));
    const once = new Map(sentences.map((s) => [`${s.docId} ${s.sentenceIndex}`, s]));
    const trust = sentences.reduce((n, s) => n + s.trustEvidence.length, 0);
    const tone = [...once.values()].reduce((n, s) => n + s.toneEvidence.length, 0);
    expect(await query(`SELECT scale, count(*)::INTEGER AS n FROM ${table('evidence')} GROUP BY scale ORDER BY scale`))
      .toEqual([{ scale: 'tone', n: tone }, { scale: 'trust', n: trust }]);
    const orphans = await query(
      `SELECT count(*)::INTEGER AS n FROM ${table('evidence')} e ANTI JOIN ${table('sentences')} s USING (doc_id, sentence_index)`,
    );
    expect(orphans).toEqual([{ n: 0 }]);
    const negated = await query(`SELECT entry, effective, rules FROM ${table('evidence')} WHERE scale = 'trust' AND rules LIKE '%negated%' LIMIT 1`);
    expect(negated).toHaveLength(1);
  });

  it('writes documents flat, with their country mentions as a table of their own', async () => {
    const documents = jsonl<DocumentRecord>(join(out, 'documents.jsonl'));
    const rows = await query(`SELECT id, strftime(date, '%Y-%m-%d') AS day, status, sentences FROM ${table('documents')}`);
    expect(rows).toEqual(documents.map((d) => ({ id: d.id, day: d.date, status: d.status, sentences: d.sentences })));
    const mentions = await query(`SELECT doc_id, country, mentions FROM ${table('mentions')}`);
    expect(mentions).toEqual(documents.flatMap((d) => d.countries.map((c) => ({ doc_id: d.id, country: c.code, mentions: c.mentions }))));
  });

  it('reads the same across many row groups', async () => {
    const small = tempDir('parquet-groups');
    for (const file of ['sentences.jsonl', 'documents.jsonl']) copyFileSync(join(out, file), join(small, file));
    const { index } = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { index: PairPeriodIndex[] };
    await writeParquetTables(small, index, defaultGazetteer().names, 'test', 100);
    const groups = await query(`SELECT num_row_groups::INTEGER AS g FROM parquet_file_metadata('${join(small, 'sentences.parquet')}')`);
    expect(groups[0]?.g).toBeGreaterThan(5);
    for (const name of ['sentences', 'evidence', 'index', 'index-directed', 'documents']) {
      const one = table(name);
      const many = `read_parquet('${join(small, `${name}.parquet`)}')`;
      const differences = await query(
        `SELECT count(*)::INTEGER AS n FROM ((SELECT * FROM ${one} EXCEPT ALL SELECT * FROM ${many}) UNION ALL (SELECT * FROM ${many} EXCEPT ALL SELECT * FROM ${one}))`,
      );
      expect(differences, name).toEqual([{ n: 0 }]);
    }
  });

  it('is byte for byte the same on a second run', async () => {
    const again = tempDir('parquet-again');
    await run({ inputs: [DEMO_CORPUS], out: again, defaultDate: null, parquet: true });
    expect(differingOutputs(out, again)).toEqual([]);
  });
});
