// Correlations: the heatmap of the matrix with a colour key and r in each cell; a click on a cell shows that
// pair's scatter with its fit, r, rho, p and n; "what goes with X" ranks every metric against one.

import type { ObjectEnvelope } from '../api';
import { mountChart } from '../charts/mount';
import { stateCodeByFips } from '../geo/projection';
import { formatNumber, formatP } from '../transforms/format';
import { heatmapCells, strongestPairs, type HeatmapCell } from '../transforms/heatmap';
import { pickableMetrics } from '../transforms/metrics';
import type { CorrelationMatrix, CorrelationPair, MetricTable } from '../types';
import { escapeHtml, h, replace, select } from '../ui/dom';
import { showError, showLoading } from '../ui/states';
import { dataTable } from '../ui/table';
import { cachedJson, type View } from '../view';
import { correlatesSection } from './correlates';

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
      // Room for the axis titles, which containLabel does not count: above the plot and under the x labels.
      grid: { left: 8, right: 24, top: 36, bottom: 36, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p: { data: [number, number, string] }) =>
        `<b>${escapeHtml(p.data[2])}</b><br>${escapeHtml(pair.x.label)}: ${formatNumber(p.data[0])}<br>${escapeHtml(pair.y.label)}: ${formatNumber(p.data[1])}` },
      xAxis: { type: 'value', scale: true, name: pair.x.label, nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', scale: true, name: pair.y.label, nameTextStyle: { align: 'left' } },
      series: [
        { type: 'scatter', symbolSize: level === 'county' ? 3 : 7, data: pair.points.map((p) => [p.x, p.y, level === 'county' ? `${p.name}, ${stateCodeByFips[p.key.slice(0, 2)] ?? ''}` : p.name]), itemStyle: { color: '#3b528b', opacity: 0.7 } },
        pair.fit ? { type: 'line', symbol: 'none', data: [[low, pair.fit.intercept + pair.fit.slope * low], [high, pair.fit.intercept + pair.fit.slope * high]], lineStyle: { color: '#D55E00' } } : null,
      ].filter(Boolean),
    });
  } catch (error) {
    showError(slot, error);
  }
}

/** The correlations view (?level=state|county&method=pearson|spearman&x=&y=&of=). */
export const correlations: View = async (main, context) => {
  const level = context.params.get('level') === 'county' ? 'county' : 'state';
  const method = context.params.get('method') === 'spearman' ? 'spearman' : 'pearson';
  showLoading(main, 'the correlation matrix');
  const [{ data: matrix }, { data: table }] = await Promise.all([
    cachedJson<ObjectEnvelope<CorrelationMatrix>>(`/api/v1/analytics/correlations?level=${level}&method=${method}`),
    cachedJson<ObjectEnvelope<MetricTable>>(`/api/v1/analytics/metrics?level=${level}`)]);
  const metrics = pickableMetrics(table);
  const lifeExpectancy = level === 'county' ? 'life_expectancy' : 'chr_life_expectancy';
  const of = context.params.get('of') ?? (metrics.some((m) => m.name === lifeExpectancy) ? lifeExpectancy : metrics[0]?.name ?? '');
  const chartElement = h('div', { class: 'chart heatmap', id: 'heatmap', role: 'img', 'aria-label': 'Correlation heatmap; the strongest pairs are listed in the table below' });
  const pairSlot = h('section', { id: 'pair', 'aria-live': 'polite' }, h('p', {}, 'Click a cell to see the scatter of that pair.'));
  const labels = matrix.variables.map((v) => v.label);
  const labelOf = (name: string) => matrix.variables.find((v) => v.name === name)?.label ?? name;
  replace(main,
    h('h1', {}, 'What goes together'),
    h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
      select('Level', [['state', 'States'], ['county', 'Counties']], level, (value) => context.go('correlations', { level: value, method })),
      select('Method', [['pearson', 'Pearson'], ['spearman', 'Spearman']], method, (value) => context.go('correlations', { level, method: value }))),
    chartElement,
    h('p', { class: 'source' }, `Colours: r from -1 (blue) through 0 (white) to +1 (orange); each cell shows r; columns are numbered as the rows. ${matrix.notes}`),
    pairSlot,
    correlatesSection(level, method, metrics, of, (value) => context.update({ level, method, of: value, x: context.params.get('x') ?? undefined, y: context.params.get('y') ?? undefined }),
      (x, y) => { context.update({ level, method, of: x, x, y }); void showPair(pairSlot, level, x, y); pairSlot.scrollIntoView(); }),
    h('details', {}, h('summary', {}, 'Data table: the strongest pairs'),
      dataTable('The 15 strongest pairs', [
        { header: 'Pair', value: (p: ReturnType<typeof strongestPairs>[number]) => `${labelOf(p.x)} ~ ${labelOf(p.y)}` },
        { header: 'r', value: (p) => formatNumber(p.r), numeric: true },
        { header: 'n', value: (p) => p.n, numeric: true },
        { header: 'BH-adjusted p', value: (p) => formatP(p.pAdjusted), numeric: true },
      ], strongestPairs(matrix, 15))));
  const chart = await mountChart(chartElement, {
    tooltip: { formatter: (p: { data: [number, number, number | null] }) => {
      const [column, row, r] = p.data;
      return `${labels[row]} ~ ${labels[column]}<br>r = ${formatNumber(r)}, n = ${matrix.n[row][column] ?? '—'}, BH p ${formatP(matrix.p_adjusted[row][column])}`;
    } },
    grid: { left: 8, right: 8, top: 44, bottom: 8, containLabel: true },
    // Columns are numbered like the rows, whose labels wrap in full rather than truncating to look-alikes.
    xAxis: { type: 'category', data: labels.map((_, i) => String(i + 1)), position: 'top', axisLabel: { fontSize: 10 } },
    yAxis: { type: 'category', data: labels.map((label, i) => `${label} ${i + 1}`), inverse: true,
      axisLabel: { interval: 0, width: Math.min(300, chartElement.clientWidth * 0.35), overflow: 'break', lineHeight: 11, fontSize: 10 } },
    visualMap: { min: -1, max: 1, calculable: false, orient: 'horizontal', left: 'center', top: 0, inRange: { color: diverging },
      text: ['r = +1', 'r = -1'], itemWidth: 12, itemHeight: 160 },
    series: [{ type: 'heatmap', data: heatmapCells(matrix), emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      label: { show: chartElement.clientWidth / labels.length >= 26, fontSize: 8, color: '#222',
        formatter: (p: { data: HeatmapCell }) => (p.data[2] === null ? '' : p.data[2].toFixed(2)) } }],
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
