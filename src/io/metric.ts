import type { Metric } from '../domain/model';

/** "104%", "12 days", "—" for a value nobody measured yet; as the canvas shows it. */
export function formatMetricValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit === '%' ? `${n}%` : unit ? `${n} ${unit}` : n;
}

/** A metric with neither a current value nor a target says nothing yet, so it is not shown. */
export const hasMetricFigures = (metric: Metric): boolean =>
  metric.current !== null || metric.target !== null;

/**
 * "104% → 115% ↑": where a KPI is, where it should be, and which way is better; null for a metric
 * with no figures yet (shown as nothing rather than "— → — ↑").
 */
export function formatMetric(metric: Metric): string | null {
  if (!hasMetricFigures(metric)) return null;
  const arrow = metric.direction === 'up' ? '↑' : '↓';
  return `${formatMetricValue(metric.current, metric.unit)} → ${formatMetricValue(metric.target, metric.unit)} ${arrow}`;
}
