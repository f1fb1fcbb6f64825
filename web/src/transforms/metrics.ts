// Reading area metric tables: one metric's values by area, the metrics worth offering in a picker.

import type { Metric, MetricTable } from '../types';

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

/** The [min, max] of a metric's present values, or null when it has none. */
export function valueRange(values: Iterable<number>): [number, number] | null {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  return low === Infinity ? null : [low, high];
}
