// Line charts of one or more series over shared x categories (years or months), with their data table.

import { okabeIto } from '../transforms/colors';
import { h } from '../ui/dom';
import { figure } from '../ui/table';
import { mountChartNextFrame } from './mount';

/** One line: its legend name and a value (or a gap) per x category. */
export interface Line {
  name: string;
  values: (number | null)[];
}

/** A figure with one line per series over `xs` (gaps stay gaps) and `table` as its text alternative. */
export function linesFigure(title: string, id: string, xs: (string | number)[], lines: Line[], table: HTMLTableElement): HTMLElement {
  const chartElement = h('div', { class: 'chart tall', id, role: 'img', 'aria-label': `${title}: line chart; the data table follows` });
  const element = figure(title, chartElement, table);
  mountChartNextFrame(chartElement, {
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'category', data: xs },
    yAxis: { type: 'value', scale: true },
    series: lines.map((line, i) => ({
      type: 'line', name: line.name, itemStyle: { color: okabeIto[i % okabeIto.length] }, data: line.values,
      connectNulls: false, showSymbol: xs.length <= 40,
    })),
  });
  return element;
}

/** Every year from the first to the last observed, so a year without values (2020 for the ACS) shows as a gap. */
export function everyYear(observed: number[]): number[] {
  if (!observed.length) return [];
  const first = Math.min(...observed);
  return Array.from({ length: Math.max(...observed) - first + 1 }, (_, i) => first + i);
}
