import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO_CORPUS } from '../src/util/paths.js';
import { ROOT, tempDir } from './helpers.js';

const EXAMPLE = join(ROOT, 'examples', 'scheduled');

/** Demo corpus lines whose date passes the test. */
function linesDated(keep: (date: string) => boolean): string {
  const lines = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n').filter((l) => keep((JSON.parse(l) as { date: string }).date));
  return `${lines.join('\n')}\n`;
}

interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
}

/** The workflow's shell steps after trust-index is installed, which this test provides from the working tree. */
function workflowSteps(): Step[] {
  const workflow = parse(readFileSync(join(EXAMPLE, 'github-actions.yml'), 'utf8')) as { jobs: { report: { steps: Step[] } } };
  const steps = workflow.jobs.report.steps.filter((s) => s.run !== undefined);
  const install = steps.findIndex((s) => s.run?.includes('npm install'));
  expect(install).toBeGreaterThanOrEqual(0);
  return steps.slice(install + 1);
}

/** A repository as the workflow finds it: news/, the config, a remote to push to, and trust-index installed. */
function repository(): string {
  const dir = tempDir('scheduled');
  execFileSync('git', ['init', '-q', '--bare', join(dir, 'remote.git')]);
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'news'), { recursive: true });
  writeFileSync(join(repo, 'news', 'to-2024-10.jsonl'), linesDated((date) => date < '2024-11'));
  copyFileSync(join(EXAMPLE, 'trust-index.config.json'), join(repo, 'trust-index.config.json'));
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\n.trust-index-cache/\n');
  mkdirSync(join(repo, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(repo, 'node_modules', 'trust-index'));
  symlinkSync(join('..', 'trust-index', 'dist', 'cli', 'main.js'), join(repo, 'node_modules', '.bin', 'trust-index'));
  const inRepo = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  inRepo('init', '-q');
  inRepo('add', '.');
  inRepo('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'news');
  inRepo('remote', 'add', 'origin', join(dir, 'remote.git'));
  inRepo('push', '-q', '-u', 'origin', 'HEAD');
  return repo;
}

/** Run the steps as GitHub Actions does (bash -e -o pipefail), skipping a step whose `if` is false. */
function runWorkflow(repo: string, steps: Step[]): { stderr: string; summary: string } {
  const outputs = join(repo, '..', 'github-output');
  const summary = join(repo, '..', 'step-summary');
  writeFileSync(outputs, '');
  writeFileSync(summary, '');
  let stderr = '';
  for (const step of steps) {
    if (step.if !== undefined) {
      const condition = /^steps\.(\w+)\.outputs\.(\w+) == '(\w+)'$/.exec(step.if);
      expect(condition, `a condition this test can evaluate: ${step.if}`).not.toBeNull();
      const [, , name, value] = condition as RegExpExecArray;
      if (!readFileSync(outputs, 'utf8').split('\n').includes(`${name}=${value}`)) continue;
    }
    const result = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run as string], {
      cwd: repo,
      env: { ...process.env, GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary },
      encoding: 'utf8',
    });
    expect(result.status, `${step.name ?? step.run}: ${result.stderr}`).toBe(0);
    stderr += result.stderr;
  }
  return { stderr, summary: readFileSync(summary, 'utf8') };
}

function reportFiles(repo: string): Map<string, string> {
  const dir = join(repo, 'reports', 'monthly');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return new Map(files.map((d) => [join(d.parentPath, d.name), readFileSync(join(d.parentPath, d.name), 'base64')]));
}

describe('the example GitHub Actions workflow', () => {
  it('commits a report on its first run, and its second run on the same news is a no-op', () => {
    const repo = repository();
    const steps = workflowSteps();
    const log = () => execFileSync('git', ['log', '--format=%s', '@{upstream}'], { cwd: repo, encoding: 'utf8' }).trim().split('\n');
    const first = runWorkflow(repo, steps);
    expect(first.stderr).toMatch(/cache: 0 documents reused, 186 analysed/);
    expect(log()).toEqual([expect.stringMatching(/^trust-index report \d{4}-\d{2}$/), 'news']);
    const report = reportFiles(repo);
    expect([...report.keys()].some((f) => f.endsWith('report.md'))).toBe(true);
    // Canada–India falls past the config's 15-point threshold in 2024-10: exit code 4 becomes the alert output.
    expect(first.summary).toMatch(/^# Trust index alerts\n[\s\S]*Canada – India \(CA-IN\)\*\* fell/);

    const second = runWorkflow(repo, steps);
    expect(second.stderr).toMatch(/cache: 186 documents reused, 0 analysed/);
    expect(reportFiles(repo)).toEqual(report);
    expect(log()).toHaveLength(2);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' })).toBe('');
    expect(second.summary).toBe(first.summary);

    // The next month's news arrives: only it is analysed, and a new report is committed.
    writeFileSync(join(repo, 'news', 'from-2024-11.jsonl'), linesDated((date) => date >= '2024-11'));
    execFileSync('git', ['add', 'news'], { cwd: repo });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'more news'], { cwd: repo });
    const third = runWorkflow(repo, steps);
    expect(third.stderr).toMatch(/cache: 186 documents reused, 31 analysed/);
    expect(log()).toHaveLength(4);
    expect(reportFiles(repo)).not.toEqual(report);
  });
});
