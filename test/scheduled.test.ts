import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
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

/** Demo items before and from November 2024: the first run's news and the next month's. */
const BEFORE = linesDated((date) => date < '2024-11').trim().split('\n').length;
const FROM = linesDated((date) => date >= '2024-11').trim().split('\n').length;

interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  'working-directory'?: string;
}

interface Workflow {
  env: Record<string, string>;
  jobs: { report: { steps: Step[] } };
}

/**
 * The workflow's shell steps from its install step on. The two before it, the checkout of trust-index
 * at the pinned commit and its build into a tarball, are what `packCheckout` does with this checkout.
 */
function workflowSteps(): Step[] {
  const workflow = parse(readFileSync(join(EXAMPLE, 'github-actions.yml'), 'utf8')) as Workflow;
  const { steps } = workflow.jobs.report;
  const checkout = steps.find((s) => s.with?.path === '.trust-index-src');
  expect(checkout?.with).toEqual({ repository: '${{ env.TRUST_INDEX_REPOSITORY }}', ref: '${{ env.TRUST_INDEX_REF }}', path: '.trust-index-src' });
  expect(Object.keys(workflow.env)).toEqual(['TRUST_INDEX_REPOSITORY', 'TRUST_INDEX_REF']);
  const build = steps.findIndex((s) => s['working-directory'] === '.trust-index-src');
  expect(steps[build]?.run?.trim().split('\n')).toEqual(['npm ci --no-audit --no-fund', 'npm pack --ignore-scripts --pack-destination "$RUNNER_TEMP"']);
  const rest = steps.slice(build + 1).filter((s) => s.run !== undefined);
  expect(rest[0]?.run).toMatch(/^npm install .*"\$RUNNER_TEMP"\/trust-index-\*\.tgz$/);
  // The steps this test runs have no conditions and no folders of their own.
  expect(rest.filter((s) => s.if !== undefined || s['working-directory'] !== undefined)).toEqual([]);
  return rest;
}

/** The environment of the workflow's steps: none of the variables `npm test` sets (they would point npm at this checkout). */
function stepEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !/^npm_|^INIT_CWD$/i.test(name));
  // The tarball's dependencies come from the npm cache where it holds them, else from the registry.
  return { ...Object.fromEntries(inherited), npm_config_prefer_offline: 'true', ...extra };
}

/** The build step, on this checkout: its tarball in a runner's temporary folder. */
function packCheckout(): string {
  const runnerTemp = tempDir('runner-temp');
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', runnerTemp], { cwd: ROOT, stdio: 'pipe', env: stepEnvironment({}) });
  expect(readdirSync(runnerTemp)).toEqual([expect.stringMatching(/^trust-index-.*\.tgz$/)]);
  return runnerTemp;
}

/** A repository as the workflow finds it: news/, the config and a remote to push to. */
function repository(): string {
  const dir = tempDir('scheduled');
  execFileSync('git', ['init', '-q', '--bare', join(dir, 'remote.git')]);
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'news'), { recursive: true });
  writeFileSync(join(repo, 'news', 'to-2024-10.jsonl'), linesDated((date) => date < '2024-11'));
  copyFileSync(join(EXAMPLE, 'trust-index.config.json'), join(repo, 'trust-index.config.json'));
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\n.trust-index-cache/\n');
  const inRepo = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  inRepo('init', '-q');
  inRepo('add', '.');
  inRepo('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'news');
  inRepo('remote', 'add', 'origin', join(dir, 'remote.git'));
  inRepo('push', '-q', '-u', 'origin', 'HEAD');
  return repo;
}

interface WorkflowRun {
  stdout: string;
  stderr: string;
  summary: string;
  outputs: string;
  /** The step that failed, and its exit code; the steps after it did not run. */
  failed: { step: string; status: number | null } | null;
}

/** Run the steps as GitHub Actions does (bash -e -o pipefail), stopping at the first that fails. */
function runWorkflow(repo: string, steps: Step[], runnerTemp: string): WorkflowRun {
  const outputs = join(repo, '..', 'github-output');
  const summary = join(repo, '..', 'step-summary');
  writeFileSync(outputs, '');
  writeFileSync(summary, '');
  const run: WorkflowRun = { stdout: '', stderr: '', summary: '', outputs: '', failed: null };
  for (const step of steps) {
    const result = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run as string], {
      cwd: repo,
      env: stepEnvironment({ GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: runnerTemp }),
      encoding: 'utf8',
    });
    run.stdout += result.stdout;
    run.stderr += result.stderr;
    if (result.status !== 0) {
      run.failed = { step: step.name ?? (step.run as string), status: result.status };
      break;
    }
  }
  return { ...run, summary: readFileSync(summary, 'utf8'), outputs: readFileSync(outputs, 'utf8') };
}

function reportFiles(repo: string): Map<string, string> {
  const dir = join(repo, 'reports', 'monthly');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return new Map(files.map((d) => [join(d.parentPath, d.name), readFileSync(join(d.parentPath, d.name), 'base64')]));
}

describe('the example GitHub Actions workflow', () => {
  it('installs trust-index from a tarball of its checkout, commits a report on its first run, and its second run on the same news is a no-op', () => {
    const repo = repository();
    const steps = workflowSteps();
    const runnerTemp = packCheckout();
    const log = () => execFileSync('git', ['log', '--format=%s', '@{upstream}'], { cwd: repo, encoding: 'utf8' }).trim().split('\n');
    const first = runWorkflow(repo, steps, runnerTemp);
    expect(first.failed, first.stderr).toBeNull();
    expect(realpathSync(join(repo, 'node_modules', '.bin', 'trust-index'))).toBe(join(repo, 'node_modules', 'trust-index', 'dist', 'cli', 'main.js'));
    expect(first.stderr).toMatch(new RegExp(`cache: 0 documents reused, ${BEFORE} analysed`));
    expect(log()).toEqual([expect.stringMatching(/^trust-index report \d{4}-\d{2}$/), 'news']);
    const report = reportFiles(repo);
    expect([...report.keys()].some((f) => f.endsWith('report.md'))).toBe(true);
    // Canada–India falls past the config's 15-point threshold in 2024-10: exit code 4 becomes an
    // annotation, the job summary and the alert output, and the report opens with it.
    expect(first.stdout).toMatch(/^::warning title=trust-index alert::Canada – India \(CA-IN\) fell [\d.]+ points to −[\d.]+ in 2024-10 /m);
    expect(first.summary).toMatch(/^# Trust index alerts\n[\s\S]*Canada – India \(CA-IN\)\*\* fell/);
    expect(first.outputs).toBe('alert=yes\n');
    expect(readFileSync(join(repo, 'reports', 'monthly', 'report.md'), 'utf8')).toMatch(/^# Trust index report\n\n## Alerts\n\n- \*\*Canada – India \(CA-IN\)\*\* fell/);

    const second = runWorkflow(repo, steps, runnerTemp);
    expect(second.failed, second.stderr).toBeNull();
    expect(second.stderr).toMatch(new RegExp(`cache: ${BEFORE} documents reused, 0 analysed`));
    expect(reportFiles(repo)).toEqual(report);
    expect(log()).toHaveLength(2);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' })).toBe('');
    expect(second.summary).toBe(first.summary);

    // The next month's news arrives: only it is analysed, and a new report is committed.
    writeFileSync(join(repo, 'news', 'from-2024-11.jsonl'), linesDated((date) => date >= '2024-11'));
    execFileSync('git', ['add', 'news'], { cwd: repo });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'more news'], { cwd: repo });
    const third = runWorkflow(repo, steps, runnerTemp);
    expect(third.failed, third.stderr).toBeNull();
    expect(third.stderr).toMatch(new RegExp(`cache: ${BEFORE} documents reused, ${FROM} analysed`));
    expect(log()).toHaveLength(4);
    expect(reportFiles(repo)).not.toEqual(report);

    // The news folder is gone: the run fails loudly, with an error annotation, and commits nothing.
    execFileSync('git', ['rm', '-q', '-r', 'news'], { cwd: repo });
    const fourth = runWorkflow(repo, steps, runnerTemp);
    expect(fourth.failed?.status).toBe(2);
    expect(fourth.stderr).toContain('trust-index: news/ (an input of trust-index.config.json): no such file or directory');
    expect(fourth.stdout).toContain('::error title=trust-index::the run failed with exit code 2; the previous report is kept');
    expect(log()).toHaveLength(4);
  });
});
