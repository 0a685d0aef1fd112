import { run } from '../api/run.js';

/**
 * A whole `run` in its own process (worker threads included), so its peak RSS is its own: prints
 * {"seconds": …, "maxRssMB": …} as JSON. Used by `npm run bench`.
 */
async function main(): Promise<void> {
  const [input, out, jobs = '1'] = process.argv.slice(2);
  if (!input || !out) throw new Error('usage: runOnce INPUT OUT [JOBS]');
  const start = process.hrtime.bigint();
  const summary = await run({ inputs: [input], out, defaultDate: null, jobs: Number(jobs) });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, maxRssMB, documents: summary.counts.documents })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
