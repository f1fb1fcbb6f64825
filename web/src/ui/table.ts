// Accessible data tables: for lists, and as the text alternative of every chart.

import { h, replace } from './dom';

/** A column: its header, how to show a row's value and, for a sortable column, the key it sorts by. */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | Node | null | undefined;
  numeric?: boolean;
  /** What a click on the header sorts by (missing values last); a column without it does not sort. */
  sortKey?: (row: T) => number | string | null | undefined;
}

type SortDirection = 'ascending' | 'descending';

/** Tables scroll sideways on a phone; a keyboard user must be able to focus them to scroll (WCAG 2.1.1). */
export const scrollableTabIndex = 0;

/** Orders rows by a key, missing keys last whatever the direction. */
export function sortRows<T>(rows: T[], key: (row: T) => number | string | null | undefined, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a), y = key(b);
    const xMissing = x === null || x === undefined || Number.isNaN(x), yMissing = y === null || y === undefined || Number.isNaN(y);
    if (xMissing || yMissing) return Number(xMissing) - Number(yMissing);
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y));
  });
}

function bodyRows<T>(columns: Column<T>[], rows: T[]): HTMLTableRowElement[] {
  return rows.map((row) => h('tr', {}, columns.map((c) => {
    const value = c.value(row);
    return h('td', { class: c.numeric ? 'num' : undefined }, value === null || value === undefined ? '—' : value);
  })));
}

/**
 * A <table> with a caption, header cells with scope and one row per item. Columns with a sort key get a
 * header button: the first click sorts numbers largest first and text A to Z, the next click reverses.
 */
export function dataTable<T>(caption: string, columns: Column<T>[], rows: T[]): HTMLTableElement {
  const body = h('tbody', {}, bodyRows(columns, rows));
  const headers: HTMLTableCellElement[] = [];
  const sortBy = (index: number) => {
    const column = columns[index];
    const current = headers[index].getAttribute('aria-sort');
    const direction: SortDirection = current ? (current === 'ascending' ? 'descending' : 'ascending')
      : (column.numeric ? 'descending' : 'ascending');
    headers.forEach((header) => header.removeAttribute('aria-sort'));
    headers[index].setAttribute('aria-sort', direction);
    replace(body, bodyRows(columns, sortRows(rows, column.sortKey!, direction)));
  };
  columns.forEach((c, index) => headers.push(h('th', { scope: 'col', class: c.numeric ? 'num' : undefined },
    c.sortKey ? h('button', { type: 'button', class: 'sort', onclick: () => sortBy(index) }, c.header) : c.header)));
  return h('table', { class: 'data', tabindex: scrollableTabIndex }, h('caption', {}, caption), h('thead', {}, h('tr', {}, headers)), body);
}

/** A chart with its data as a table underneath, folded: the chart's text alternative. */
export function figure(title: string, chart: HTMLElement, table: HTMLTableElement): HTMLElement {
  return h('figure', { class: 'chart-figure' },
    h('figcaption', {}, title),
    chart,
    h('details', {}, h('summary', {}, `Data table: ${title}`), table));
}
