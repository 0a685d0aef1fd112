import { readFileSync } from 'node:fs';
import { z } from 'zod';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PAIR = /^[A-Za-z]{2}-[A-Za-z]{2}$/;

/**
 * `trust-index.config.json`: the options of `trust-index run`, so a
 * scheduled job is one line. Unknown keys are errors, so a typo is caught
 * rather than silently ignored.
 */
export const configSchema = z
  .object({
    inputs: z.array(z.string().min(1)).min(1),
    out: z.string().min(1),
    cache: z.string().min(1),
    date: z.string().regex(DAY, 'expected YYYY-MM-DD'),
    period: z.enum(['week', 'month', 'quarter']),
    format: z.enum(['csv', 'parquet']),
    minArticles: z.number().int().min(1),
    top: z.number().int().min(1),
    pairs: z.array(z.string().regex(PAIR, 'expected a pair such as CN-PK')),
    from: z.string().regex(MONTH, 'expected YYYY-MM'),
    to: z.string().regex(MONTH, 'expected YYYY-MM'),
    seed: z.number().int(),
    jobs: z.number().int().min(1),
    proxies: z.boolean(),
    languages: z.array(z.enum(['en', 'zh', 'ru'])),
    strict: z.boolean(),
    allowEmpty: z.boolean(),
    completePeriods: z.boolean(),
    alertDrop: z.number().positive(),
    alertRise: z.number().positive(),
    fields: z
      .object({ id: z.string(), date: z.string(), title: z.string(), text: z.string(), url: z.string(), source: z.string() })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export type RunConfig = z.infer<typeof configSchema>;

/** Read and validate a config file; the error names the file and every bad key. */
export function readConfig(path: string): RunConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new Error(`${path}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The config as command-line flag values, for the flags the command line did not set itself. */
export function configFlags(config: RunConfig): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = {};
  const set = (name: string, value: string | number | boolean | undefined) => {
    if (value !== undefined) flags[name] = typeof value === 'boolean' ? value : String(value);
  };
  set('out', config.out);
  set('cache', config.cache);
  set('date', config.date);
  set('period', config.period);
  set('format', config.format);
  set('min-articles', config.minArticles);
  set('top', config.top);
  set('pairs', config.pairs?.join(','));
  set('from', config.from);
  set('to', config.to);
  set('seed', config.seed);
  set('jobs', config.jobs);
  set('no-proxies', config.proxies === undefined ? undefined : !config.proxies);
  set('languages', config.languages?.join(','));
  set('strict', config.strict);
  set('allow-empty', config.allowEmpty);
  set('complete-periods', config.completePeriods);
  set('alert-drop', config.alertDrop);
  set('alert-rise', config.alertRise);
  for (const [name, value] of Object.entries(config.fields ?? {})) set(`${name}-field`, value);
  return flags;
}
