// Hospitals: a searchable, sortable, paged table with the API's filters, CSV / GeoJSON / XLSX export, and up to
// three hospitals ticked for Compare (kept in the URL).

import { getAll, getBlob, getJson, type ListEnvelope } from '../api';
import { csvColumns, download, downloadBlob, hospitalsToCsv, hospitalsToGeoJson } from '../transforms/exports';
import { formatNumber } from '../transforms/format';
import { distinctValues, filtersFromParams, paramsFromFilters, type HospitalFilters } from '../transforms/hospitalFilters';
import { compareLimit, parseCompareIds, withCompared, withoutCompared } from '../transforms/compareList';
import type { Hospital } from '../types';
import { h, replace, select } from '../ui/dom';
import { showEmpty, showError, showLoading } from '../ui/states';
import { allHospitals, type View } from '../view';
import { compareSelection } from './compareSelection';

const pageSize = 25;
const sortable: [string, string][] = [['name', 'Name'], ['city', 'City'], ['state', 'State'], ['type', 'Type'], ['rating', 'Rating'], ['beds', 'Beds']];
const descendingFirst = ['rating', 'beds']; // their first click sorts largest first

function apiQuery(filters: HospitalFilters, sort: string): string {
  const query = new URLSearchParams(paramsFromFilters(filters));
  query.set('sort', sort);
  return query.toString();
}

/** The hospitals table view. */
export const hospitals: View = async (main, context) => {
  showLoading(main, 'hospitals');
  const everyHospital = await allHospitals();
  let filters = filtersFromParams(context.params);
  let sort = context.params.get('sort') ?? 'name';
  let page = Math.max(0, Number(context.params.get('page') ?? '0') || 0);
  let chosen = parseCompareIds(context.params.get('compare')).slice(0, compareLimit);

  const results = h('div', { id: 'hospital-results', 'aria-live': 'polite' });
  const search = h('input', { type: 'search', id: 'hospital-search', value: filters.q, placeholder: 'name or city' }) as HTMLInputElement;
  const writeUrl = () => context.update({ ...paramsFromFilters(filters), sort, page: page ? String(page) : undefined,
    compare: chosen.length ? chosen.join(',') : undefined });
  const selection = h('p', { id: 'compare-selection', role: 'status' });
  const showSelection = () => replace(selection,
    compareSelection(chosen, `Tick up to ${compareLimit} hospitals to compare them side by side.`));
  const compareBox = (x: Hospital) => {
    const checked = chosen.includes(x.id);
    return h('input', { type: 'checkbox', class: 'choose-compare', 'data-id': x.id, checked,
      disabled: !checked && chosen.length >= compareLimit, 'aria-label': `Compare ${x.name}`,
      onchange: () => {
        chosen = checked ? withoutCompared(chosen, x.id) : withCompared(chosen, x.id);
        writeUrl();
        void load();
      } });
  };

  const load = async () => {
    showLoading(results, 'hospitals');
    try {
      const list = await getJson<ListEnvelope<Hospital>>(
        `/api/v1/hospitals?${apiQuery(filters, sort)}&limit=${pageSize}&offset=${page * pageSize}`, context.signal);
      if (list.meta.total === 0) return showEmpty(results, 'No hospital matches these filters.');
      renderTable(list);
    } catch (error) {
      showError(results, error, () => void load());
    }
  };
  const renderTable = (list: ListEnvelope<Hospital>) => {
    const header = (field: string, label: string) => {
      const active = sort.replace('-', '') === field;
      const descending = sort.startsWith('-');
      return h('th', { scope: 'col', 'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none' },
        h('button', { type: 'button', class: 'sort', onclick: () => {
          // Numbers start largest first (best rated first), text A to Z; a second click reverses.
          const firstDescending = descendingFirst.includes(field);
          sort = active ? (descending ? field : `-${field}`) : (firstDescending ? `-${field}` : field);
          page = 0;
          writeUrl();
          void load();
        } }, label));
    };
    const pages = Math.ceil(list.meta.total / pageSize);
    showSelection();
    replace(results,
      h('p', { id: 'hospital-count' }, `${formatNumber(list.meta.total)} hospitals; page ${page + 1} of ${pages}`),
      h('table', { class: 'data', id: 'hospital-table' },
        h('caption', {}, 'Hospitals matching the filters; equal star ratings are ordered by the patient survey\'s summary star, then by name'),
        h('thead', {}, h('tr', {}, sortable.map(([field, label]) => header(field, label)), h('th', { scope: 'col' }, 'Compare'))),
        h('tbody', {}, list.data.map((x) => h('tr', { 'data-id': x.id },
          h('td', {}, h('a', { href: `#/hospital?id=${x.id}` }, x.name)), h('td', {}, x.city), h('td', {}, x.state),
          h('td', {}, x.type), h('td', { class: 'num' }, x.rating ?? '—'), h('td', { class: 'num' }, x.beds ?? '—'), h('td', {}, compareBox(x)))))),
      h('nav', { class: 'pager', 'aria-label': 'Pages' },
        h('button', { type: 'button', disabled: page === 0, onclick: () => { page -= 1; writeUrl(); void load(); } }, 'Previous'),
        h('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => { page += 1; writeUrl(); void load(); } }, 'Next')));
  };
  const exportStatus = h('span', { id: 'export-status', role: 'status' });
  // The XLSX is built by the server (typed cells, CCNs as text): it needs the export scope, which
  // `hci serve --public-export` (make demo) grants to anonymous readers, or a key set on the Predict view.
  const exportXlsx = async () => {
    exportStatus.textContent = 'Preparing the workbook…';
    try {
      downloadBlob('hospitals.xlsx', await getBlob(`/api/v1/export/hospitals?format=xlsx&${apiQuery(filters, sort)}`));
      exportStatus.textContent = '';
    } catch (error) {
      exportStatus.textContent = `The XLSX export was refused: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  const exportAs = async (format: 'csv' | 'geojson') => {
    const rows = await getAll<Hospital>(`/api/v1/hospitals?${apiQuery(filters, sort)}&fields=${csvColumns.join(',')}`);
    if (format === 'csv') download('hospitals.csv', hospitalsToCsv(rows), 'text/csv');
    else download('hospitals.geojson', JSON.stringify(hospitalsToGeoJson(rows)), 'application/geo+json');
  };
  const setFilter = (field: keyof HospitalFilters) => (value: string) => {
    filters = { ...filters, [field]: value };
    page = 0;
    writeUrl();
    void load();
  };

  replace(main,
    h('h1', {}, 'Hospitals'),
    h('form', { class: 'filters', 'aria-label': 'Hospital filters', onsubmit: (e) => { e.preventDefault(); setFilter('q')(search.value); } },
      h('label', { class: 'field', for: 'hospital-search' }, h('span', {}, 'Search'), search),
      h('button', { type: 'submit' }, 'Search'),
      select('State', [['', 'Any state'], ...distinctValues(everyHospital, 'state').map((s): [string, string] => [s, s])], filters.state, setFilter('state'), 'hospital-state'),
      select('Type', [['', 'Any type'], ...distinctValues(everyHospital, 'type').map((t): [string, string] => [t, t])], filters.type, setFilter('type'), 'hospital-type'),
      select('Ownership', [['', 'Any ownership'], ...distinctValues(everyHospital, 'ownership').map((t): [string, string] => [t, t])], filters.ownership, setFilter('ownership'), 'hospital-ownership'),
      select('Rating at least', [['', 'Any'], ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5']], filters.minRating, setFilter('minRating'), 'hospital-rating'),
      select('Emergency services', [['', 'Any'], ['true', 'Yes'], ['false', 'No']], filters.emergency, setFilter('emergency'), 'hospital-emergency')),
    h('p', { class: 'exports' }, 'Export the matching hospitals: ',
      h('button', { type: 'button', id: 'export-csv', onclick: () => void exportAs('csv') }, 'CSV'), ' ',
      h('button', { type: 'button', id: 'export-geojson', onclick: () => void exportAs('geojson') }, 'GeoJSON'), ' ',
      h('button', { type: 'button', id: 'export-xlsx', onclick: () => void exportXlsx() }, 'Excel (XLSX)'), ' ',
      exportStatus),
    selection,
    results);
  await load();
};
