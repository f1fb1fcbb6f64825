// Every state and territory in one sortable table, each opening its state page; and the picker that
// switches between state pages.

import type { ListEnvelope } from '../api';
import { formatNumber } from '../transforms/format';
import type { StateSummary } from '../types';
import { h, replace, select } from '../ui/dom';
import { dataTable } from '../ui/table';
import { cachedJson } from '../view';

/** The states and territories, fetched once. */
export function stateSummaries(): Promise<StateSummary[]> {
  return cachedJson<ListEnvelope<StateSummary>>('/api/v1/states?limit=100').then((list) => list.data);
}

/** A select of every state and territory by name; `go` opens the chosen one. */
export function statePicker(states: StateSummary[], code: string, go: (code: string) => void): HTMLElement {
  const options = [...states].sort((a, b) => a.name.localeCompare(b.name)).map((s): [string, string] => [s.code, s.name]);
  return select('State', code ? options : [['', 'Choose a state'], ...options], code, (value) => { if (value) go(value); }, 'state-picker');
}

/** Fills `main` with the list of states and territories. */
export function showStateList(main: HTMLElement, states: StateSummary[], go: (code: string) => void): void {
  replace(main,
    h('h1', {}, 'States and territories'),
    h('p', { class: 'lead' }, `${states.length} jurisdictions; choose one, or sort the table by a column.`),
    statePicker(states, '', go),
    dataTable('States and territories: CMS hospitals and population', [
      { header: 'State', value: (s: StateSummary) => h('a', { href: `#/state?code=${s.code}` }, s.name), sortKey: (s) => s.name },
      { header: 'Kind', value: (s) => s.kind, sortKey: (s) => s.kind },
      { header: 'Hospitals', value: (s) => formatNumber(s.hospital_count), numeric: true, sortKey: (s) => s.hospital_count },
      { header: 'Rated', value: (s) => formatNumber(s.rated_count), numeric: true, sortKey: (s) => s.rated_count },
      { header: 'Mean rating', value: (s) => formatNumber(s.mean_rating), numeric: true, sortKey: (s) => s.mean_rating },
      { header: 'Hospitals per 100k', value: (s) => formatNumber(s.hospitals_per_100k), numeric: true, sortKey: (s) => s.hospitals_per_100k },
      { header: 'Population', value: (s) => formatNumber(s.population), numeric: true, sortKey: (s) => s.population },
    ], [...states].sort((a, b) => a.name.localeCompare(b.name))));
}
