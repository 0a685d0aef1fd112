import type { PairPeriodIndex } from '../types/pairIndex.js';
import type { Alert, AlertOptions } from '../types/alert.js';
import { type PeriodKind, periodEnded } from '../aggregate/periods.js';
import { alertLines } from '../render/alerts.js';
import { UNDIRECTED } from '../render/report.js';

export type { Alert, AlertOptions };

/** Periods that had not ended by `before` (YYYY-MM-DD) are not "latest": a run on the 2nd reports the month before. */
export interface CompletePeriods {
  before: string;
  period: PeriodKind;
}

/**
 * Alerts for a scheduled job: pairs whose index moved by at least the
 * threshold in the latest period of the run (with `complete`, the latest
 * that has ended), with a significant change. Sorted by the size of the
 * move, then pair.
 */
export function findAlerts(index: readonly PairPeriodIndex[], options: AlertOptions, complete?: CompletePeriods): Alert[] {
  const undirected = index.filter((c) => c.direction === UNDIRECTED && (!complete || periodEnded(c.period, complete.period, complete.before)));
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
  return ['# Trust index alerts', '', ...alertLines(alerts, names), ''].join('\n');
}
