/** Thresholds in index points; a pair alerts when its latest change is significant and at least this large. */
export interface AlertOptions {
  drop?: number;
  rise?: number;
}

/** A pair whose index moved past a threshold in the run's latest period. */
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
