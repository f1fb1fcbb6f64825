import { describe, expect, it } from 'vitest';
import { pickableMetrics, scaleRange, valuesByKey } from '../../src/transforms/metrics';
import { formatNumber, formatP, formatShare, formatWithUnit } from '../../src/transforms/format';
import { heatmapCells, strongestPairs } from '../../src/transforms/heatmap';
import type { CorrelationMatrix, MetricTable } from '../../src/types';

const table: MetricTable = {
  level: 'state',
  rows: [{ key: 'AK', name: 'Alaska', state: 'AK' }, { key: 'AL', name: 'Alabama', state: 'AL' }],
  metrics: [
    { name: 'b', label: 'Beta', description: '', unit: '%', source: '', direction: 'neutral', values: [1.5, null] },
    { name: 'a', label: 'Alpha', description: '', unit: '', source: '', direction: 'neutral', values: [2, 3] },
    { name: 'a_ci_low', label: 'Alpha low', description: '', unit: '', source: '', direction: 'neutral', values: [1, 2] },
  ],
};

describe('metric tables', () => {
  it('give one metric by area key, leaving out missing values', () => {
    expect([...valuesByKey(table, 'b')]).toEqual([['AK', 1.5]]);
    expect(valuesByKey(table, 'nope').size).toBe(0);
  });

  it('offer the metrics with enough values, by label, without interval bounds', () => {
    expect(pickableMetrics(table, 1).map((m) => m.name)).toEqual(['a', 'b']);
    expect(pickableMetrics(table, 2).map((m) => m.name)).toEqual(['a']);
  });

  it('span the colour scale from min to max for few values, and from the 2nd to the 98th percentile for many', () => {
    expect(scaleRange([3, -1, 2])).toEqual({ low: -1, high: 3, outside: 0, robust: false });
    expect(scaleRange([])).toBeNull();
    const counties = Array.from({ length: 100 }, (_, i) => 70 + i / 10); // 70.0 .. 79.9
    counties[99] = 107.9; // the outlier that must not stretch the scale
    expect(scaleRange(counties)).toEqual({ low: 70.1, high: 79.7, outside: 3, robust: true });
  });
});

describe('formatting', () => {
  it('formats numbers, shares, units and p-values for people', () => {
    expect(formatNumber(5421)).toBe('5,421');
    expect(formatNumber(3.23857)).toBe('3.24');
    expect(formatNumber(null)).toBe('—');
    expect(formatShare(0.5293)).toBe('52.9%');
    expect(formatWithUnit(1032, 'USD')).toBe('$1,032');
    expect(formatWithUnit(12.345, '%')).toBe('12.3%');
    expect(formatP(0)).toBe('< 1e-300');
    expect(formatP(0.0004)).toBe('4.0e-4');
  });
});

describe('correlation heatmap', () => {
  const matrix: CorrelationMatrix = {
    level: 'state', method: 'pearson', notes: '',
    variables: [{ name: 'x', label: 'X', unit: '' }, { name: 'y', label: 'Y', unit: '' }, { name: 'z', label: 'Z', unit: '' }],
    r: [[null, 0.5, -0.9], [0.5, null, null], [-0.9, null, null]],
    n: [[null, 50, 40], [50, null, null], [40, null, null]],
    p: [[null, 0.01, 0.001], [0.01, null, null], [0.001, null, null]],
    p_adjusted: [[null, 0.02, 0.003], [0.02, null, null], [0.003, null, null]],
    ci_low: [[null, 0.2, -0.95], [0.2, null, null], [-0.95, null, null]],
    ci_high: [[null, 0.7, -0.8], [0.7, null, null], [-0.8, null, null]],
  };

  it('makes one cell per pair with 1 on the diagonal', () => {
    const cells = heatmapCells(matrix);
    expect(cells).toHaveLength(9);
    expect(cells).toContainEqual([0, 0, 1]);
    expect(cells).toContainEqual([2, 0, -0.9]);
    expect(cells).toContainEqual([2, 1, null]);
  });

  it('lists the strongest pairs once each by |r|', () => {
    expect(strongestPairs(matrix, 5).map((p) => `${p.x}~${p.y}`)).toEqual(['x~z', 'x~y']);
  });
});
