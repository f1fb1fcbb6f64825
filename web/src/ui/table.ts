// Accessible data tables: for lists, and as the text alternative of every chart.

import { h } from './dom';

/** A column: its header and how to show a row's value. */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | Node | null | undefined;
  numeric?: boolean;
}

/** A <table> with a caption, header cells with scope and one row per item. */
export function dataTable<T>(caption: string, columns: Column<T>[], rows: T[]): HTMLTableElement {
  return h('table', { class: 'data' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : undefined }, c.header)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => {
      const value = c.value(row);
      return h('td', { class: c.numeric ? 'num' : undefined }, value === null || value === undefined ? '—' : value);
    })))));
}

/** A chart with its data as a table underneath, folded: the chart's text alternative. */
export function figure(title: string, chart: HTMLElement, table: HTMLTableElement): HTMLElement {
  return h('figure', { class: 'chart-figure' },
    h('figcaption', {}, title),
    chart,
    h('details', {}, h('summary', {}, `Data table: ${title}`), table));
}
