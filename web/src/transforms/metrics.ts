// Reading area metric tables: one metric's values by area, the metrics worth offering in a picker.

import type { Metric, MetricTable } from '../types';
import { formatWithUnit } from './format';

/** Area key -> value of one metric (missing values left out). */
export function valuesByKey(table: MetricTable, metric: string): Map<string, number> {
  const column = table.metrics.find((m) => m.name === metric);
  const values = new Map<string, number>();
  if (!column) return values;
  table.rows.forEach((row, i) => {
    const value = column.values[i];
    if (value !== null && value !== undefined) values.set(row.key, value);
  });
  return values;
}

/** The metrics that have a value for at least `minimum` areas, labelled for a picker, ordered by label. */
export function pickableMetrics(table: MetricTable, minimum = 10): Metric[] {
  return table.metrics
    .filter((m) => m.values.filter((v) => v !== null).length >= minimum && !m.name.endsWith('_ci_low') && !m.name.endsWith('_ci_high'))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The bounds a colour scale spans, and how many values lie beyond them (drawn in the end colours). */
export interface ScaleRange {
  low: number;
  high: number;
  outside: number;
  /** True when the bounds are percentiles rather than the minimum and maximum. */
  robust: boolean;
}

const robustMinimum = 50; // below this many values every value is in range

/**
 * The colour scale of a metric: from the 2nd to the 98th percentile (nearest rank), so that a few outliers
 * (a county life expectancy of 107.9) do not flatten the rest; min to max under 50 values; null with none.
 */
export function scaleRange(values: number[]): ScaleRange | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length < robustMinimum) return { low: sorted[0], high: sorted[sorted.length - 1], outside: 0, robust: false };
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const low = at(0.02), high = at(0.98);
  return { low, high, outside: sorted.filter((v) => v < low || v > high).length, robust: true };
}

/** The sentence under the map that says what the colours span. */
export function scaleText(range: ScaleRange | null, unit: string): string {
  if (!range) return 'No area has a value of this metric.';
  const span = `${formatWithUnit(range.low, unit)} to ${formatWithUnit(range.high, unit)}`;
  return range.robust
    ? `Colours span the 2nd to the 98th percentile, ${span}; ${range.outside} areas beyond it take the end colours.`
    : `Colours span ${span}.`;
}

/** A value moved into the scale's bounds, so an outlier takes the end colour instead of none. */
export function clampToScale(value: number, range: ScaleRange): number {
  return Math.min(range.high, Math.max(range.low, value));
}
