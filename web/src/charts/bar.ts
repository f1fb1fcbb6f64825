// A horizontal bar chart with its data table: the overview's top-10 lists and counts.

import { h } from '../ui/dom';
import { dataTable, figure } from '../ui/table';
import { formatNumber } from '../transforms/format';
import { viridis } from '../transforms/colors';
import { mountChartNextFrame } from './mount';

/** One bar: label and value. */
export interface Bar {
  label: string;
  value: number;
}

/** A figure with a bar chart (largest at the top) and its data table; `onClick` receives the bar's index. */
export function barFigure(title: string, valueHeader: string, bars: Bar[], onClick?: (index: number) => void): HTMLElement {
  const chartElement = h('div', { class: 'chart', role: 'img', 'aria-label': `${title}: bar chart; the data table follows` });
  const element = figure(title, chartElement,
    dataTable(title, [
      { header: 'Name', value: (b: Bar) => b.label },
      { header: valueHeader, value: (b: Bar) => formatNumber(b.value), numeric: true },
    ], bars));
  mountChartNextFrame(chartElement, {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value' },
      // Long labels wrap instead of being cut: "Voluntary non-profit - Private" and "- Church" must stay apart.
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisLabel: { width: 170, overflow: 'break', lineHeight: 13 } },
      series: [{ type: 'bar', data: bars.map((b) => b.value), itemStyle: { color: viridis[2] },
      label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(p.value) } }],
  }, (chart) => { if (onClick) chart.on('click', (event) => onClick(event.dataIndex)); });
  return element;
}
