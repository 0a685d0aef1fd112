import type { PairPeriodIndex } from '../types/pairIndex.js';
import { pValue, pairName, signed } from '../render/format.js';
import { escapeMarkdown } from '../render/markdown.js';
import { UNDIRECTED } from '../render/report.js';

/** Thresholds in index points; a pair alerts when its latest change is significant and at least this large. */
export interface AlertOptions {
  drop?: number;
  rise?: number;
}

export interface Alert {
  pair: string;
  kind: 'drop' | 'rise';
  period: string;
  previousPeriod: string;
  index: number;
  delta: number;
  pChange: number;
  articles: number;
}

/**
 * Alerts for a scheduled job: pairs whose index moved by at least the
 * threshold in the latest period of the run, with a significant change.
 * Sorted by the size of the move, then pair.
 */
export function findAlerts(index: readonly PairPeriodIndex[], options: AlertOptions): Alert[] {
  const undirected = index.filter((c) => c.direction === UNDIRECTED);
  const latest = undirected.reduce((max, c) => (c.period > max ? c.period : max), '');
  const alerts: Alert[] = [];
  for (const cell of undirected) {
    if (cell.period !== latest || !cell.significant || cell.delta === null || cell.previousPeriod === null) continue;
    const kind = options.drop !== undefined && cell.delta <= -options.drop ? 'drop' : options.rise !== undefined && cell.delta >= options.rise ? 'rise' : null;
    if (!kind) continue;
    alerts.push({
      pair: cell.pair, kind, period: cell.period, previousPeriod: cell.previousPeriod, index: cell.index,
      delta: cell.delta, pChange: cell.pChange ?? 0, articles: cell.articles,
    });
  }
  return alerts.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.pair < b.pair ? -1 : 1));
}

/** A short Markdown summary of the alerts, one line each. */
export function alertsMarkdown(alerts: readonly Alert[], names: ReadonlyMap<string, string>): string {
  if (alerts.length === 0) return '# Trust index alerts\n\nNo pair moved past the alert thresholds in the latest period.\n';
  const lines = alerts.map(
    (a) =>
      `- **${escapeMarkdown(pairName(a.pair, names))} (${a.pair})** ${a.kind === 'drop' ? 'fell' : 'rose'} ${Math.abs(a.delta).toFixed(1)} points ` +
      `to ${signed(a.index)} in ${a.period} (from ${a.previousPeriod}; ${pValue(a.pChange)}, ${a.articles} articles)`,
  );
  return ['# Trust index alerts', '', ...lines, ''].join('\n');
}
