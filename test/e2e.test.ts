import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { mean } from 'simple-statistics';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CORPUS } from '../src/util/paths.js';
import { type RunSummary, run } from '../src/api/run.js';
import type { DocumentRecord } from '../src/types/document.js';
import type { PairSentence } from '../src/types/evidence.js';
import { CLI, ROOT, jsonl, tempDir } from './helpers.js';

const TEXT_OUTPUTS = [
  'index.csv', 'index-directed.csv', 'index.json', 'contributions.csv', 'unknown-actors.csv', 'report.md', 'sentences.jsonl', 'documents.jsonl',
  'skipped.jsonl', 'state.jsonl', 'origins.jsonl',
];

describe('the demo run', () => {
  let out: string;
  let summary: RunSummary;
  beforeAll(async () => {
    out = tempDir('demo');
    summary = await run({ inputs: [DEMO_CORPUS], out, defaultDate: null });
  });

  it('reads every document of the demo corpus', () => {
    const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n').length;
    expect(lines).toBeGreaterThanOrEqual(150);
    const documents = jsonl<DocumentRecord>(join(out, 'documents.jsonl'));
    expect(documents).toHaveLength(lines);
    expect(summary.counts.documents).toBe(lines);
    expect(summary.counts.scored + summary.counts.noPair + summary.counts.skipped).toBe(lines);
    expect(documents.every((d) => d.countries.every((c) => c.mentions > 0))).toBe(true);
  });

  it('writes index.csv with the documented header', () => {
    const [header] = readFileSync(join(out, 'index.csv'), 'utf8').split('\n');
    expect(header?.split(',')).toEqual(expect.arrayContaining(['pair', 'period', 'period_start', 'articles', 'sentences', 'trust_index', 'ci_low', 'ci_high']));
  });

  const value = (pair: string, month: string) => {
    const cell = summary.index.find((c) => c.pair === pair && c.direction === 'both' && c.period === month);
    if (!cell) throw new Error(`no ${pair} ${month}`);
    return cell.index;
  };

  it.each([
    ['CN-IN', '2020-06', '2024-10'],
    ['CA-IN', '2023-09', '2025-06'],
    ['AU-CN', '2020-11', '2023-11'],
    ['JP-KR', '2019-07', '2023-03'],
    ['IR-SA', '2019-09', '2023-03'],
    ['CN-PK', '2024-11', '2025-02'],
  ])('%s falls in its crisis (%s) and recovers in its thaw (%s)', (pair, crisis, thaw) => {
    expect(value(pair, crisis)).toBeLessThan(-20);
    expect(value(pair, thaw)).toBeGreaterThan(20);
  });

  it.each([
    ['CN-IN', '2020-06', '2021-02'],
    ['CA-IN', '2024-10', '2025-06'],
    ['AU-CN', '2020-04', '2022-11'],
    ['JP-KR', '2018-11', '2023-03'],
    ['IR-SA', '2016-01', '2021-04'],
    ['CN-PK', '2024-03', '2025-02'],
  ])('%s shows a significant fall (%s) and a significant rise (%s)', (pair, fall, rise) => {
    const cell = (period: string) => summary.index.find((c) => c.pair === pair && c.direction === 'both' && c.period === period);
    expect(cell(fall)).toMatchObject({ significant: true });
    expect(cell(fall)?.delta).toBeLessThan(0);
    expect(cell(rise)).toMatchObject({ significant: true });
    expect(cell(rise)?.delta).toBeGreaterThan(0);
  });

  it('finds no significant shift where the corpus holds steady', () => {
    const steady = summary.index.filter((c) => c.pair === 'CN-IN' && c.direction === 'both' && c.period >= '2024-10');
    expect(steady.map((c) => c.period)).toEqual(['2024-10', '2024-12', '2025-01']);
    expect(steady.some((c) => c.significant)).toBe(false);
    expect(steady.find((c) => c.period === '2024-12')?.lowCoverage).toBe(false);
  });

  it('traces each month’s index to its sentences', () => {
    const sentences = jsonl<PairSentence>(join(out, 'sentences.jsonl'));
    for (const cell of summary.index) {
      const cellSentences = sentences.filter(
        (s) => s.pair === cell.pair && s.date.startsWith(cell.period) && (cell.direction === 'both' || s.direction === cell.direction),
      );
      const docs = [...new Set(cellSentences.map((s) => s.docId))];
      const articleMeans = docs.map((d) => mean(cellSentences.filter((s) => s.docId === d).map((s) => s.trust)));
      expect(docs.length).toBe(cell.articles);
      // The index is Σ article scores ×100 over the articles plus the series' mean articles per period, rounded to one decimal.
      const series = summary.index.filter((c) => c.pair === cell.pair && c.direction === cell.direction);
      const typical = mean(series.map((c) => c.articles));
      // Sentence scores are written rounded, so the recomputed value may differ in the last place.
      expect(Math.abs(mean(articleMeans) * (docs.length / (docs.length + typical)) * 100 - cell.index)).toBeLessThanOrEqual(0.1);
    }
  });

  it('gives every sentence score its evidence, with spans into the sentence', () => {
    const sentences = jsonl<PairSentence>(join(out, 'sentences.jsonl'));
    expect(sentences.length).toBeGreaterThan(300);
    for (const s of sentences) {
      for (const e of [...s.trustEvidence, ...(s.events ?? [])]) expect(s.text.slice(e.start, e.end)).toBe(e.surface);
      if (s.trust !== 0) expect(s.trustEvidence.length + (s.events?.length ?? 0)).toBeGreaterThan(0);
    }
  });

  it('writes a report with findings, a section and a chart per pair, and the method', () => {
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('## Key findings');
    expect(report).toMatch(/- \*\*China – India \(CN-IN\)\*\*, \d+ articles over \d+ months: lowest −\d+\.\d in 2020-06/);
    expect(report).toMatch(/Largest significant moves: \*\*[A-Z]{2}-[A-Z]{2}\*\* (fell|rose) from/);
    for (const pair of ['CN-IN', 'CA-IN', 'AU-CN', 'JP-KR', 'IR-SA', 'CN-PK']) {
      expect(report).toContain(`(${pair})`);
      expect(report).toContain(`](charts/index-${pair}.png)`);
    }
    expect(report).toContain('## Method');
    expect(report).toContain('## Reproducibility');
    expect(report).toMatch(/trust\.tsv [0-9a-f]{16}/);
  });

  it('draws charts as PNGs on a white background', async () => {
    const charts = readdirSync(join(out, 'charts'));
    expect(charts).toContain('index-CN-PK.png');
    const image = await loadImage(readFileSync(join(out, 'charts', 'index-CN-PK.png')));
    expect([image.width, image.height]).toEqual([1800, 920]);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    expect([...ctx.getImageData(2, 2, 1, 1).data]).toEqual([255, 255, 255, 255]);
    // The title is drawn: dark pixels in the top band.
    const band = ctx.getImageData(0, 10, image.width, 50).data;
    let dark = 0;
    for (let i = 0; i < band.length; i += 4) if ((band[i] ?? 255) < 100) dark += 1;
    expect(dark).toBeGreaterThan(500);
  });

  it('is byte-identical when run again', async () => {
    const again = tempDir('demo-again');
    await run({ inputs: [DEMO_CORPUS], out: again, defaultDate: null });
    for (const file of [...TEXT_OUTPUTS, ...readdirSync(join(out, 'charts')).map((c) => `charts/${c}`)]) {
      expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file))), file).toBe(true);
    }
  });
});

describe('the command line', () => {
  it('runs the demo corpus with no inputs', () => {
    const cwd = tempDir('cli');
    const output = execFileSync('node', [CLI, 'run', '--quiet'], { cwd, encoding: 'utf8' });
    expect(output).toBe('');
    expect(readdirSync(join(cwd, 'reports', 'demo')).sort()).toEqual(['charts', 'trust-index-files.json', ...TEXT_OUTPUTS].sort());
  });

  it('scores lines from stdin as JSON', () => {
    const output = execFileSync('node', [CLI, 'score'], {
      input: 'China expelled the Pakistani envoy.\nNo country here.\n',
      encoding: 'utf8',
    });
    const [first, second] = output.trim().split('\n').map((l) => JSON.parse(l));
    expect(first).toMatchObject({ countries: ['CN', 'PK'], pairs: [{ pair: 'CN-PK', direction: 'CN>PK' }] });
    expect(first.pairs[0].trust).toBeLessThan(0);
    expect(first.trust).toBe(first.pairs[0].trust);
    // The expulsion is one event (CAMEO 161, Goldstein −4) from China to Pakistan; its words are not counted again.
    expect(first.evidence.events).toEqual([expect.objectContaining({ source: 'CN', target: 'PK', pattern: 'expel * envoy', code: '161', surface: 'expelled the Pakistani envoy' })]);
    expect(first.evidence.trust).toEqual([]);
    expect(second).toMatchObject({ countries: [], pairs: [], trust: 0 });
  });

  it('explains a score', () => {
    const output = execFileSync('node', [CLI, 'score', '--explain'], { input: "We don't trust them.\n", encoding: 'utf8' });
    expect(output).toContain('negated×-0.75 ("don\'t")');
  });

  it('fails with a one-line error and exit code 2 on bad usage', () => {
    for (const args of [['bogus'], ['run', '--date', 'yesterday'], ['run', '--nope']]) {
      let status = 0;
      let stderr = '';
      try {
        execFileSync('node', [CLI, ...args], { encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        status = (error as { status: number }).status;
        stderr = (error as { stderr: string }).stderr;
      }
      expect(status).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^trust-index: /);
    }
  });

  it('keeps only the pairs and months asked for', () => {
    const cwd = tempDir('cli-select');
    execFileSync('node', [CLI, 'run', '--quiet', '--pairs', 'pk-cn', '--from', '2024-01', '--to', '2024-12', '--out', 'sel'], { cwd });
    const rows = readFileSync(join(cwd, 'sel', 'index.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const [pair, , period] = row.split(',');
      expect(pair).toBe('CN-PK');
      expect(period && period >= '2024-01' && period <= '2024-12').toBe(true);
    }
    expect(readdirSync(join(cwd, 'sel', 'charts')).filter((f) => f.startsWith('index-'))).toEqual(['index-CN-PK.png']);
  });

  it('exits with code 3 under --strict when an input was skipped, and still writes the outputs', () => {
    const cwd = tempDir('cli-strict');
    writeFileSync(join(cwd, 'n.jsonl'), `${JSON.stringify({ id: 'a', date: '2024-01-01', text: 'China and Japan met.' })}\n{broken\n`);
    let status = 0;
    let stderr = '';
    try {
      execFileSync('node', [CLI, 'run', 'n.jsonl', '--strict', '--quiet', '--out', 'o'], { cwd, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(3);
    expect(stderr).toMatch(/--strict: 1 inputs skipped/);
    expect(readFileSync(join(cwd, 'o', 'skipped.jsonl'), 'utf8')).toContain('"reason":"malformed-json"');
  });

  it('writes the same files with --jobs 2 as with --jobs 1', () => {
    const cwd = tempDir('cli-jobs');
    for (const jobs of ['1', '2']) execFileSync('node', [CLI, 'run', '--quiet', '--jobs', jobs, '--out', `j${jobs}`], { cwd });
    const files = [...TEXT_OUTPUTS, ...readdirSync(join(cwd, 'j1', 'charts')).map((c) => `charts/${c}`)];
    for (const file of files) {
      expect(readFileSync(join(cwd, 'j2', file)).equals(readFileSync(join(cwd, 'j1', file))), file).toBe(true);
    }
  });

  it('exits with code 4 and writes alerts when a pair moves past a threshold in the latest period', () => {
    const cwd = tempDir('cli-alert');
    let status = 0;
    let stdout = '';
    try {
      execFileSync('node', [CLI, 'run', '--quiet', '--to', '2024-10', '--alert-drop', '20', '--out', 'a'], { cwd, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
      stdout = (error as { stdout: string }).stdout;
    }
    expect(status).toBe(4);
    expect(stdout).toContain('**Canada – India (CA-IN)** fell');
    const { alerts } = JSON.parse(readFileSync(join(cwd, 'a', 'alerts.json'), 'utf8'));
    expect(alerts).toEqual([expect.objectContaining({ pair: 'CA-IN', kind: 'drop', period: '2024-10', previousPeriod: '2023-11' })]);
    // A threshold no move reaches: alerts.json is written, empty, and the run exits 0.
    execFileSync('node', [CLI, 'run', '--quiet', '--to', '2024-10', '--alert-drop', '99', '--out', 'b'], { cwd });
    expect(JSON.parse(readFileSync(join(cwd, 'b', 'alerts.json'), 'utf8')).alerts).toEqual([]);
  });

  it('prints help for each command', () => {
    expect(execFileSync('node', [CLI, 'run', '--help'], { encoding: 'utf8' })).toContain('Usage: trust-index run');
    expect(execFileSync('node', [CLI, 'score', '--help'], { encoding: 'utf8' })).toContain('Usage: trust-index score');
  });
});

describe('analyze', () => {
  it('returns the same tables run writes, in memory', async () => {
    const { analyze } = await import('../src/api/analyze.js');
    const result = await analyze([DEMO_CORPUS]);
    const out = tempDir('analyze');
    const summary = await run({ inputs: [DEMO_CORPUS], out, defaultDate: null });
    expect(result.index).toEqual(summary.index);
    const written = jsonl<PairSentence>(join(out, 'sentences.jsonl'));
    expect(result.sentences).toEqual(written);
    expect(result.documents).toEqual(jsonl<DocumentRecord>(join(out, 'documents.jsonl')));
  });
});

describe('config file', () => {
  it('gives run its options, with command-line flags winning', () => {
    const cwd = tempDir('config');
    writeFileSync(join(cwd, 'c.json'), JSON.stringify({ inputs: [DEMO_CORPUS], out: 'cfg', period: 'quarter', minArticles: 3, top: 2 }));
    execFileSync('node', [CLI, 'run', '--config', 'c.json', '--top', '3', '--quiet'], { cwd });
    const meta = JSON.parse(readFileSync(join(cwd, 'cfg', 'index.json'), 'utf8'));
    expect(meta.options).toMatchObject({ period: 'quarter', minArticles: 3, top: 3 });
  });

  it('rejects an invalid config with the file and every bad key', () => {
    const cwd = tempDir('config-bad');
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ period: 'fortnight', minArticle: 3 }));
    let status = 0;
    let stderr = '';
    try {
      execFileSync('node', [CLI, 'run', '--config', 'bad.json'], { cwd, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/bad\.json: period: .*; \(top level\): Unrecognized key: "minArticle"/);
  });

  it('validates the example config shipped in examples/', async () => {
    const { readConfig } = await import('../src/cli/config.js');
    expect(readConfig(join(ROOT, 'examples', 'scheduled', 'trust-index.config.json')).alertDrop).toBe(15);
  });
});

describe('an interrupted run', () => {
  it('leaves the previous outputs intact, and the next run completes them', async () => {
    const { spawn } = await import('node:child_process');
    const cwd = tempDir('killed');
    execFileSync('node', [CLI, 'run', '--quiet', '--jobs', '1', '--out', 'o'], { cwd });
    const before = new Map(TEXT_OUTPUTS.map((f) => [f, readFileSync(join(cwd, 'o', f))]));
    // A bigger input so the second run is still busy when it is killed.
    const big = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n');
    const lines = Array.from({ length: 30 }, (_, copy) => big.map((l) => JSON.stringify({ ...JSON.parse(l), id: `${JSON.parse(l).id}-${copy}` }))).flat();
    writeFileSync(join(cwd, 'big.jsonl'), `${lines.join('\n')}\n`);
    const child = spawn('node', [CLI, 'run', 'big.jsonl', '--quiet', '--jobs', '1', '--out', 'o'], { cwd, stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    for (const [file, bytes] of before) expect(readFileSync(join(cwd, 'o', file)).equals(bytes), file).toBe(true);
    // Rerun to completion: the same outputs as a run that was never interrupted.
    execFileSync('node', [CLI, 'run', '--quiet', '--jobs', '1', '--out', 'o'], { cwd });
    for (const [file, bytes] of before) expect(readFileSync(join(cwd, 'o', file)).equals(bytes), file).toBe(true);
    expect(readdirSync(join(cwd, 'o')).filter((f) => /\.tmp-|\.unsorted-/.test(f))).toEqual([]);
  });
});
