import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/api/run.js';
import { MissingInputError } from '../src/ingest/readInputs.js';
import { NoDocumentsError } from '../src/output/outputSink.js';
import { periodEnded } from '../src/aggregate/periods.js';
import { MANIFEST } from '../src/output/manifest.js';
import { CLI, snapshot, tempDir } from './helpers.js';

/** What a scheduled job sees of a CLI run: its exit code and its output streams. */
function cli(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('node', [CLI, 'run', ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const COOPERATION = {
  'CN-PK': 'China and Pakistan signed a cooperation agreement and praised their friendship.',
  'IN-US': 'India and the United States deepened their strategic partnership.',
};
const HOSTILITY = {
  'CN-PK': 'China condemned Pakistan and expelled its envoy.',
  'IN-US': 'India accused the United States of betrayal and imposed sanctions.',
};

/**
 * Articles of one pair in one month, each with words of its own so no two fold as copies, on the
 * given days of the month in turn.
 */
function articles(text: string, month: string, count: number, days: readonly number[]): string[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `${text.slice(0, 12).replace(/\W/g, '')}-${month}-${i}`;
    const own = Array.from({ length: 14 }, (_, w) => `note${i}x${month.replace('-', '')}w${w}`).join(' ');
    const day = String(days[i % days.length]).padStart(2, '0');
    return JSON.stringify({ id, date: `${month}-${day}`, title: `Story ${id}`, text: `${text} ${own}.` });
  });
}

const SPREAD = [2, 6, 10, 14, 18, 22];

/** CN-PK: cooperative in 2024-09, hostile in 2024-10, cooperative again in the first two days of 2024-11. */
function partialMonthCorpus(): string {
  return [
    ...articles(COOPERATION['CN-PK'], '2024-09', 6, SPREAD),
    ...articles(HOSTILITY['CN-PK'], '2024-10', 6, SPREAD),
    ...articles(COOPERATION['CN-PK'], '2024-11', 6, [1, 2]),
  ].join('\n');
}

/** Two pairs: CN-PK steady and most covered; IN-US less covered, and falling in 2024-10. */
function twoPairCorpus(): string {
  return [
    ...articles(COOPERATION['CN-PK'], '2024-09', 6, SPREAD),
    ...articles(COOPERATION['CN-PK'], '2024-10', 6, SPREAD),
    ...articles(COOPERATION['IN-US'], '2024-09', 4, SPREAD),
    ...articles(HOSTILITY['IN-US'], '2024-10', 4, SPREAD),
  ].join('\n');
}

describe('a run with a missing input', () => {
  it('exits 2 with one line naming the path, and leaves the output folder as it was', () => {
    const cwd = tempDir('missing');
    mkdirSync(join(cwd, 'o'));
    writeFileSync(join(cwd, 'o', 'report.md'), 'the good report\n');
    const result = cli(cwd, 'missing.jsonl', '--out', 'o');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('trust-index: missing.jsonl: no such file or directory\n');
    expect(snapshot(join(cwd, 'o'))).toEqual(new Map([['report.md', Buffer.from('the good report\n').toString('base64')]]));
  });

  it("names a config's missing input folder and the config", () => {
    const cwd = tempDir('missing-config');
    writeFileSync(join(cwd, 'c.json'), JSON.stringify({ inputs: ['news/'], out: 'o', alertDrop: 15 }));
    const result = cli(cwd, '--config', 'c.json');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('trust-index: news/ (an input of c.json): no such file or directory\n');
    expect(existsSync(join(cwd, 'o'))).toBe(false);
  });

  it('escapes control characters of the path in the message', () => {
    const cwd = tempDir('missing-control');
    const result = cli(cwd, 'bad\u001b[31mname.jsonl', '--out', 'o');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('trust-index: bad\\u001B[31mname.jsonl: no such file or directory\n');
  });

  it('is a MissingInputError from the library, with nothing written', async () => {
    const dir = tempDir('missing-lib');
    const out = join(dir, 'o');
    await expect(run({ inputs: [join(dir, 'missing.jsonl')], out, defaultDate: null, cache: join(dir, 'cache') })).rejects.toThrow(MissingInputError);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a run that reads no usable document', () => {
  it('exits 5 and keeps the previous outputs, for an empty file and for undated files; --allow-empty writes empty outputs', () => {
    const cwd = tempDir('empty');
    writeFileSync(join(cwd, 'good.jsonl'), partialMonthCorpus());
    expect(cli(cwd, 'good.jsonl', '--quiet', '--out', 'o').status).toBe(0);
    const before = snapshot(join(cwd, 'o'));
    mkdirSync(join(cwd, 'undated'));
    writeFileSync(join(cwd, 'undated', 'a.txt'), 'China and Pakistan met again.\n');
    writeFileSync(join(cwd, 'undated', 'b.txt'), 'India and Japan met again.\n');
    writeFileSync(join(cwd, 'nothing.jsonl'), '');
    const undated = cli(cwd, 'undated', '--quiet', '--out', 'o');
    expect(undated.status).toBe(5);
    expect(undated.stderr).toBe(
      'trust-index: no usable document was read: 2 inputs skipped (2 undated; the first: undated/a.txt, no usable date); ' +
        'the previous outputs are kept (--allow-empty writes empty ones)\n',
    );
    const nothing = cli(cwd, 'nothing.jsonl', '--quiet', '--out', 'o');
    expect(nothing.status).toBe(5);
    expect(nothing.stderr).toBe('trust-index: no document was read; the previous outputs are kept (--allow-empty writes empty ones)\n');
    expect(snapshot(join(cwd, 'o'))).toEqual(before);

    const allowed = cli(cwd, 'undated', '--quiet', '--allow-empty', '--out', 'o');
    expect(allowed.status).toBe(0);
    expect(readFileSync(join(cwd, 'o', 'report.md'), 'utf8')).toContain('- Period: n/a to n/a');
    // The empty run's outputs are exactly its own: the charts of the run before are gone.
    expect(existsSync(join(cwd, 'o', 'charts'))).toBe(false);
  });

  it('is a NoDocumentsError from the library unless allowEmpty, and the config key allowEmpty allows it', async () => {
    const dir = tempDir('empty-lib');
    writeFileSync(join(dir, 'a.txt'), 'China and Pakistan met again.\n');
    const out = join(dir, 'o');
    await expect(run({ inputs: [join(dir, 'a.txt')], out, defaultDate: null })).rejects.toThrow(NoDocumentsError);
    expect(existsSync(join(out, 'report.md'))).toBe(false);
    const summary = await run({ inputs: [join(dir, 'a.txt')], out, defaultDate: null, allowEmpty: true });
    expect(summary.counts.skipped).toBe(1);
    expect(existsSync(join(out, 'report.md'))).toBe(true);

    writeFileSync(join(dir, 'c.json'), JSON.stringify({ inputs: ['a.txt'], out: 'p', allowEmpty: true }));
    expect(cli(dir, '--config', 'c.json', '--quiet').status).toBe(0);
  });

  it('holds for merge too: merging runs that read nothing usable exits 5 unless --allow-empty', () => {
    const cwd = tempDir('empty-merge');
    writeFileSync(join(cwd, 'a.txt'), 'China and Pakistan met again.\n');
    expect(cli(cwd, 'a.txt', '--quiet', '--allow-empty', '--out', 'shard').status).toBe(0);
    const merge = (...args: string[]) => spawnSync('node', [CLI, 'merge', 'shard', '--quiet', '--out', 'm', ...args], { cwd, encoding: 'utf8' });
    const refused = merge();
    expect(refused.status).toBe(5);
    expect(refused.stderr).toMatch(/^trust-index: no usable document was read: 1 inputs skipped \(1 undated; the first: a\.txt,/);
    expect(existsSync(join(cwd, 'm', 'report.md'))).toBe(false);
    expect(merge('--allow-empty').status).toBe(0);
    expect(existsSync(join(cwd, 'm', 'report.md'))).toBe(true);
  });
});

describe('the outputs of a run', () => {
  it("are exactly that run's: charts and alerts of the run before are removed, the user's own files kept", () => {
    const cwd = tempDir('exact');
    writeFileSync(join(cwd, 'n.jsonl'), twoPairCorpus());
    const both = cli(cwd, 'n.jsonl', '--quiet', '--min-articles', '3', '--alert-drop', '15', '--out', 'o');
    expect(both.status).toBe(4);
    const charts = () => readdirSync(join(cwd, 'o', 'charts')).sort();
    expect(charts().filter((f) => f.includes('IN-US'))).toEqual(['dimensions-IN-US.png', 'index-IN-US.png', 'movers-IN-US.png']);
    expect(existsSync(join(cwd, 'o', 'alerts.md'))).toBe(true);
    // The user's own files beside the outputs, one of them named like a chart.
    writeFileSync(join(cwd, 'o', 'notes.md'), 'mine\n');
    writeFileSync(join(cwd, 'o', 'charts', 'index-JP-KR.png'), 'mine too\n');

    const one = cli(cwd, 'n.jsonl', '--quiet', '--min-articles', '3', '--pairs', 'CN-PK', '--out', 'o');
    expect(one.status).toBe(0);
    expect(charts()).toEqual(['dimensions-CN-PK.png', 'index-CN-PK.png', 'index-JP-KR.png', 'movers-CN-PK.png', 'overview.png']);
    expect(existsSync(join(cwd, 'o', 'alerts.md'))).toBe(false);
    expect(existsSync(join(cwd, 'o', 'alerts.json'))).toBe(false);
    expect(readFileSync(join(cwd, 'o', 'notes.md'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(cwd, 'o', 'charts', 'index-JP-KR.png'), 'utf8')).toBe('mine too\n');
    const manifest = JSON.parse(readFileSync(join(cwd, 'o', MANIFEST), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('charts/index-CN-PK.png');
    expect(manifest.files).not.toContain('notes.md');
  });

  it('never removes a name a tampered manifest points outside the folder', async () => {
    const dir = tempDir('manifest-outside');
    writeFileSync(join(dir, 'n.jsonl'), partialMonthCorpus());
    writeFileSync(join(dir, 'precious.txt'), 'keep\n');
    const out = join(dir, 'o');
    mkdirSync(join(out, 'charts'), { recursive: true });
    writeFileSync(join(out, 'charts', 'index-JP-KR.png'), 'an old chart\n');
    const listed = ['../precious.txt', '/etc/hostname', 'charts/../../precious.txt', 'charts/index-JP-KR.png', 'report.md'];
    writeFileSync(join(out, MANIFEST), JSON.stringify({ tool: 'trust-index', files: listed }));
    const summary = await run({ inputs: [join(dir, 'n.jsonl')], out, defaultDate: null });
    expect(summary.removed).toEqual(['charts/index-JP-KR.png']);
    expect(existsSync(join(out, 'charts', 'index-JP-KR.png'))).toBe(false);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep\n');
  });
});

describe('--complete-periods', () => {
  it('knows when a week, a month and a quarter have ended', () => {
    expect(periodEnded('2024-10', 'month', '2024-11-01')).toBe(true);
    expect(periodEnded('2024-11', 'month', '2024-11-30')).toBe(false);
    expect(periodEnded('2024-Q4', 'quarter', '2024-12-31')).toBe(false);
    expect(periodEnded('2024-Q4', 'quarter', '2025-01-01')).toBe(true);
    // 2024-W44 runs from Monday 2024-10-28 to Sunday 2024-11-03.
    expect(periodEnded('2024-W44', 'week', '2024-11-03')).toBe(false);
    expect(periodEnded('2024-W44', 'week', '2024-11-04')).toBe(true);
  });

  it('on the 2nd of a month, alerts on and reports the month before as latest, not the day-old one', () => {
    const cwd = tempDir('complete');
    writeFileSync(join(cwd, 'n.jsonl'), partialMonthCorpus());
    const flags = ['n.jsonl', '--quiet', '--min-articles', '3', '--alert-drop', '15', '--alert-rise', '15'];
    const partial = cli(cwd, ...flags, '--out', 'partial');
    expect(partial.status).toBe(4);
    expect(partial.stdout).toMatch(/\(CN-PK\)\*\* rose [\d.]+ points to \+[\d.]+ in 2024-11/);

    const complete = cli(cwd, ...flags, '--complete-periods', '--today', '2024-11-02', '--out', 'complete');
    expect(complete.status).toBe(4);
    expect(complete.stdout).toMatch(/\(CN-PK\)\*\* fell [\d.]+ points to −[\d.]+ in 2024-10 \(from 2024-09;/);
    const report = readFileSync(join(cwd, 'complete', 'report.md'), 'utf8');
    expect(report).toContain('- Not yet ended on 2024-11-02, so not counted as latest: 2024-11');
    expect(report).toMatch(/; latest −[\d.]+ in 2024-10 \(6 articles/);
    // The move into the partial month is no headline either.
    expect(report).toMatch(/Largest significant moves: \*\*CN-PK\*\* fell from \+[\d.]+ \(2024-09\) to −[\d.]+ in 2024-10, [^;]*\.\n/);
    expect(JSON.parse(readFileSync(join(cwd, 'complete', 'index.json'), 'utf8')).options.completeBefore).toBe('2024-11-02');
  });

  it('is a config key, and --today alone is a usage error', () => {
    const cwd = tempDir('complete-config');
    writeFileSync(join(cwd, 'n.jsonl'), partialMonthCorpus());
    writeFileSync(join(cwd, 'c.json'), JSON.stringify({ inputs: ['n.jsonl'], out: 'o', minArticles: 3, alertDrop: 15, completePeriods: true }));
    const result = cli(cwd, '--config', 'c.json', '--today', '2024-11-02', '--quiet');
    expect(result.status).toBe(4);
    expect(result.stdout).toContain('in 2024-10 (from 2024-09');
    const alone = cli(cwd, 'n.jsonl', '--today', '2024-11-02');
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe('trust-index: --today is the day --complete-periods counts from; give both\n');
  });
});

describe('alerts in the report', () => {
  it('open the report, and an alerted pair beyond --top gets its own section and chart', () => {
    const cwd = tempDir('report-alerts');
    writeFileSync(join(cwd, 'n.jsonl'), twoPairCorpus());
    const result = cli(cwd, 'n.jsonl', '--quiet', '--min-articles', '3', '--top', '1', '--alert-drop', '15', '--out', 'o');
    expect(result.status).toBe(4);
    const report = readFileSync(join(cwd, 'o', 'report.md'), 'utf8');
    expect(report).toMatch(/^# Trust index report\n\n## Alerts\n\n- \*\*India – United States \(IN-US\)\*\* fell /);
    expect(report).toContain('## China – Pakistan (CN-PK)');
    expect(report).toContain('## India – United States (IN-US)');
    expect(report).toContain('](charts/index-IN-US.png)');
    expect(existsSync(join(cwd, 'o', 'charts', 'index-IN-US.png'))).toBe(true);
  });

  it('without alerts has no Alerts section, and still gives a headline pair beyond --top its section and chart', () => {
    const cwd = tempDir('report-no-alerts');
    writeFileSync(join(cwd, 'n.jsonl'), twoPairCorpus());
    expect(cli(cwd, 'n.jsonl', '--quiet', '--min-articles', '3', '--top', '1', '--alert-drop', '500', '--out', 'o').status).toBe(0);
    const report = readFileSync(join(cwd, 'o', 'report.md'), 'utf8');
    expect(report).not.toContain('## Alerts');
    expect(report).toMatch(/Largest significant moves: \*\*IN-US\*\* fell/);
    expect(report).toContain('## India – United States (IN-US)');
    expect(existsSync(join(cwd, 'o', 'charts', 'index-IN-US.png'))).toBe(true);
  });
});
