// A correlation matrix as heatmap cells.

import type { CorrelationMatrix } from '../types';

/** One cell: column index, row index, r (null on the diagonal and for pairs without enough rows). */
export type HeatmapCell = [number, number, number | null];

/** Every cell of the matrix, the diagonal as 1. */
export function heatmapCells(matrix: CorrelationMatrix): HeatmapCell[] {
  const cells: HeatmapCell[] = [];
  matrix.variables.forEach((_, row) => {
    matrix.variables.forEach((__, column) => {
      cells.push([column, row, row === column ? 1 : matrix.r[row][column]]);
    });
  });
  return cells;
}

/** The strongest off-diagonal pairs by |r|, each once, with their n and adjusted p. */
export function strongestPairs(matrix: CorrelationMatrix, count: number) {
  const pairs: { x: string; y: string; r: number; n: number; pAdjusted: number }[] = [];
  matrix.variables.forEach((a, i) => {
    matrix.variables.forEach((b, j) => {
      const r = matrix.r[i][j];
      if (j > i && r !== null) pairs.push({ x: a.name, y: b.name, r, n: matrix.n[i][j] ?? 0, pAdjusted: matrix.p_adjusted[i][j] ?? 1 });
    });
  });
  return pairs.sort((p, q) => Math.abs(q.r) - Math.abs(p.r)).slice(0, count);
}
