// Correlations: the heatmap of the matrix; a click on a cell shows that pair's scatter with its fit,
// r, rho, p and n.

import type { ObjectEnvelope } from '../api';
import { mountChart } from '../charts/mount';
import { formatNumber, formatP } from '../transforms/format';
import { heatmapCells, strongestPairs } from '../transforms/heatmap';
import type { CorrelationMatrix, CorrelationPair } from '../types';
import { h, replace, select } from '../ui/dom';
import { showError, showLoading } from '../ui/states';
import { dataTable } from '../ui/table';
import { cachedJson, type View } from '../view';

const diverging = ['#0072B2', '#7fb8d8', '#f7f7f7', '#f0b27f', '#D55E00'];

async function showPair(slot: HTMLElement, level: string, x: string, y: string): Promise<void> {
  showLoading(slot, 'the scatter');
  try {
    const pair = (await cachedJson<ObjectEnvelope<CorrelationPair>>(`/api/v1/analytics/correlations/pair?level=${level}&x=${x}&y=${y}`)).data;
    const chartElement = h('div', { class: 'chart', id: 'pair-scatter', role: 'img', 'aria-label': `Scatter of ${pair.y.label} against ${pair.x.label}` });
    const xs = pair.points.map((p) => p.x);
    const [low, high] = [Math.min(...xs), Math.max(...xs)];
    replace(slot,
      h('h2', {}, `${pair.y.label} against ${pair.x.label}`),
      h('p', { id: 'pair-stats' },
        `n = ${pair.n}; Pearson r = ${formatNumber(pair.pearson?.r ?? null)} (95% CI ${formatNumber(pair.pearson?.ci_95[0] ?? null)} to ${formatNumber(pair.pearson?.ci_95[1] ?? null)}, p ${formatP(pair.pearson?.p_value)}); `,
        `Spearman rho = ${formatNumber(pair.spearman?.rho ?? null)} (p ${formatP(pair.spearman?.p_value)}).`),
      chartElement);
    await mountChart(chartElement, {
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p: { data: [number, number, string] }) => `${p.data[2]}: ${formatNumber(p.data[0])}, ${formatNumber(p.data[1])}` },
      xAxis: { type: 'value', scale: true, name: pair.x.label, nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', scale: true, name: pair.y.label },
      series: [
        { type: 'scatter', symbolSize: level === 'county' ? 3 : 7, data: pair.points.map((p) => [p.x, p.y, p.name]), itemStyle: { color: '#3b528b', opacity: 0.7 } },
        pair.fit ? { type: 'line', symbol: 'none', data: [[low, pair.fit.intercept + pair.fit.slope * low], [high, pair.fit.intercept + pair.fit.slope * high]], lineStyle: { color: '#D55E00' } } : null,
      ].filter(Boolean),
    });
  } catch (error) {
    showError(slot, error);
  }
}

/** The correlations view (?level=state|county&method=pearson|spearman&x=&y=). */
export const correlations: View = async (main, context) => {
  const level = context.params.get('level') === 'county' ? 'county' : 'state';
  const method = context.params.get('method') === 'spearman' ? 'spearman' : 'pearson';
  showLoading(main, 'the correlation matrix');
  const matrix = (await cachedJson<ObjectEnvelope<CorrelationMatrix>>(`/api/v1/analytics/correlations?level=${level}&method=${method}`)).data;
  const chartElement = h('div', { class: 'chart heatmap', id: 'heatmap', role: 'img', 'aria-label': 'Correlation heatmap; the strongest pairs are listed in the table below' });
  const pairSlot = h('section', { id: 'pair', 'aria-live': 'polite' }, h('p', {}, 'Click a cell to see the scatter of that pair.'));
  const labels = matrix.variables.map((v) => v.label);
  replace(main,
    h('h1', {}, 'What goes together'),
    h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
      select('Level', [['state', 'States'], ['county', 'Counties']], level, (value) => context.go('correlations', { level: value, method })),
      select('Method', [['pearson', 'Pearson'], ['spearman', 'Spearman']], method, (value) => context.go('correlations', { level, method: value }))),
    chartElement,
    h('p', { class: 'source' }, matrix.notes),
    pairSlot,
    h('details', {}, h('summary', {}, 'Data table: the strongest pairs'),
      dataTable('The 15 strongest pairs', [
        { header: 'CorrelationPair', value: (p: ReturnType<typeof strongestPairs>[number]) => `${p.x} ~ ${p.y}` },
        { header: 'r', value: (p) => formatNumber(p.r), numeric: true },
        { header: 'n', value: (p) => p.n, numeric: true },
        { header: 'BH-adjusted p', value: (p) => formatP(p.pAdjusted), numeric: true },
      ], strongestPairs(matrix, 15))));
  const chart = await mountChart(chartElement, {
    tooltip: { formatter: (p: { data: [number, number, number | null] }) => {
      const [column, row, r] = p.data;
      return `${labels[row]} ~ ${labels[column]}<br>r = ${formatNumber(r)}, n = ${matrix.n[row][column] ?? '—'}, BH p ${formatP(matrix.p_adjusted[row][column])}`;
    } },
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: 60, width: 110, overflow: 'truncate', fontSize: 10 } },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 150, overflow: 'truncate', fontSize: 10 } },
    visualMap: { min: -1, max: 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: diverging }, show: false },
    series: [{ type: 'heatmap', data: heatmapCells(matrix), emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } } }],
  });
  chart.on('click', (event) => {
    const [column, row] = event.data as [number, number];
    if (column === row) return;
    const x = matrix.variables[column].name;
    const y = matrix.variables[row].name;
    context.update({ level, method, x, y });
    void showPair(pairSlot, level, x, y);
  });
  const x = context.params.get('x');
  const y = context.params.get('y');
  if (x && y) await showPair(pairSlot, level, x, y);
};
