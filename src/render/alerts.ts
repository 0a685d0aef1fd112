import type { Alert } from '../types/alert.js';
import { pValue, pairName, signed } from './format.js';
import { escapeMarkdown } from './markdown.js';

/** One Markdown list item per alert, for alerts.md and the top of the report. */
export function alertLines(alerts: readonly Alert[], names: ReadonlyMap<string, string>): string[] {
  return alerts.map(
    (a) =>
      `- **${escapeMarkdown(pairName(a.pair, names))} (${a.pair})** ${a.kind === 'drop' ? 'fell' : 'rose'} ${Math.abs(a.delta).toFixed(1)} points ` +
      `to ${signed(a.index)} in ${a.period} (from ${a.previousPeriod}; ${pValue(a.pChange)}, ${a.articles} articles)`,
  );
}
