import { type MergeOptions, merge } from '../api/merge.js';
import { type RunOptions, run } from '../api/run.js';

/**
 * A whole `run` or `merge` in its own process (worker threads included), so its peak RSS is its own:
 * prints {"seconds": …, "cpuSeconds": …, "maxRssMB": …, "documents": …} as JSON. Used by `npm run bench`.
 *
 *   runOnce run RUN_OPTIONS_JSON
 *   runOnce merge MERGE_OPTIONS_JSON
 */
async function main(): Promise<void> {
  const [command, options] = process.argv.slice(2);
  if ((command !== 'run' && command !== 'merge') || options === undefined) throw new Error('usage: runOnce run|merge OPTIONS_JSON');
  const start = process.hrtime.bigint();
  const summary = command === 'run' ? await run(JSON.parse(options) as RunOptions) : await merge(JSON.parse(options) as MergeOptions);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const usage = process.resourceUsage();
  // CPU time of every thread of the process: what the work costs, whatever else the machine is running.
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, maxRssMB: usage.maxRSS / 1024, documents: summary.counts.documents })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
