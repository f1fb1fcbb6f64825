// Hospitals: a searchable, sortable, paged table with the API's filters, CSV / GeoJSON / XLSX export, and up to
// three hospitals ticked for Compare (kept in the URL).

import { getAll, getBlob, getJson, type ListEnvelope } from '../api';
import { csvColumns, download, downloadBlob, hospitalsToCsv, hospitalsToGeoJson } from '../transforms/exports';
import { formatNumber } from '../transforms/format';
import { countiesOf, distinctValues, filtersFromParams, paramsFromFilters, type HospitalFilters } from '../transforms/hospitalFilters';
import { compareLimit, parseCompareIds, withCompared, withoutCompared } from '../transforms/compareList';
import type { Hospital } from '../types';
import { h, replace, select } from '../ui/dom';
import { showEmpty, showError, showLoading } from '../ui/states';
import { allHospitals, type View } from '../view';
import { compareSelection } from './compareSelection';

const pageSize = 25;
const descendingFirst = ['rating', 'beds']; // their first click sorts largest first
const radii = ['5', '10', '25', '50', '100', '250'];

/** Where the finder searches around: a ZIP's centroid and a radius in km; no ZIP means anywhere. */
interface Near {
  zip: string;
  radiusKm: string;
}

/** A column of the table: the API's sort field (or none), its header, its cell, and whether phones drop it. */
interface HospitalColumn {
  field?: string;
  label: string;
  cell: (x: Hospital) => Node | string | number;
  wide?: boolean;
}

function columns(near: Near, compareBox: (x: Hospital) => Node): HospitalColumn[] {
  const yesNo = (value: boolean | null) => (value === null ? '—' : value ? 'yes' : 'no');
  return [
    { field: 'name', label: 'Name', cell: (x) => h('a', { href: `#/hospital?id=${x.id}` }, x.name) },
    { field: 'city', label: 'City', cell: (x) => x.city },
    { field: 'state', label: 'State', cell: (x) => x.state },
    { field: 'county', label: 'County', cell: (x) => x.county, wide: true },
    { field: 'type', label: 'Type', cell: (x) => x.type, wide: true },
    { field: 'ownership', label: 'Ownership', cell: (x) => x.ownership, wide: true },
    { label: 'Emergency', cell: (x) => yesNo(x.emergency_services), wide: true },
    { label: 'Birthing-friendly', cell: (x) => yesNo(x.birthing_friendly), wide: true },
    { field: 'rating', label: 'Rating', cell: (x) => x.rating ?? '—' },
    { field: 'beds', label: 'Beds', cell: (x) => x.beds ?? '—', wide: true },
    ...(near.zip ? [{ field: 'distance', label: 'Distance', cell: (x: Hospital) => distanceText(x, near) }] : []),
    { label: 'Compare', cell: compareBox },
  ];
}

// Hospitals geocoded to their ZIP's centroid lie 0 km from it: "same ZIP" says what that means.
function distanceText(x: Hospital, near: Near): string {
  if (x.zip === near.zip) return 'same ZIP';
  return x.distance_km === undefined || x.distance_km === null ? '—' : `${formatNumber(x.distance_km)} km`;
}

function apiQuery(filters: HospitalFilters, sort: string, near: Near): string {
  const query = new URLSearchParams(paramsFromFilters(filters));
  if (near.zip) {
    query.set('near_zip', near.zip);
    query.set('radius_km', near.radiusKm);
  }
  query.set('sort', sort);
  return query.toString();
}

/** The hospitals table view. */
export const hospitals: View = async (main, context) => {
  showLoading(main, 'hospitals');
  const everyHospital = await allHospitals();
  let filters = filtersFromParams(context.params);
  let near: Near = { zip: context.params.get('near_zip') ?? '', radiusKm: context.params.get('radius_km') ?? '25' };
  let sort = context.params.get('sort') ?? (near.zip ? 'distance' : 'name');
  let page = Math.max(0, Number(context.params.get('page') ?? '0') || 0);
  let chosen = parseCompareIds(context.params.get('compare')).slice(0, compareLimit);

  const results = h('div', { id: 'hospital-results', 'aria-live': 'polite' });
  const search = h('input', { type: 'search', id: 'hospital-search', value: filters.q, placeholder: 'name or city' }) as HTMLInputElement;
  const zipInput = h('input', { type: 'text', id: 'finder-zip', value: near.zip, inputmode: 'numeric', pattern: '[0-9]{5}',
    maxlength: 5, placeholder: '77030', autocomplete: 'postal-code' }) as HTMLInputElement;
  const writeUrl = () => context.update({ ...paramsFromFilters(filters), sort, page: page ? String(page) : undefined,
    compare: chosen.length ? chosen.join(',') : undefined, near_zip: near.zip || undefined, radius_km: near.zip ? near.radiusKm : undefined });
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
        `/api/v1/hospitals?${apiQuery(filters, sort, near)}&limit=${pageSize}&offset=${page * pageSize}`, context.signal);
      if (list.meta.total === 0) {
        return showEmpty(results, near.zip ? `No hospital matches these filters within ${near.radiusKm} km of ZIP ${near.zip}.` : 'No hospital matches these filters.');
      }
      renderTable(list);
    } catch (error) {
      showError(results, error, () => void load());
    }
  };
  const renderTable = (list: ListEnvelope<Hospital>) => {
    const header = (column: HospitalColumn) => {
      const field = column.field;
      if (!field) return h('th', { scope: 'col', class: column.wide ? 'wide' : undefined }, column.label);
      const active = sort.replace('-', '') === field;
      const descending = sort.startsWith('-');
      return h('th', { scope: 'col', class: column.wide ? 'wide' : undefined, 'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none' },
        h('button', { type: 'button', class: 'sort', onclick: () => {
          // Numbers start largest first (best rated first), text A to Z; a second click reverses.
          const firstDescending = descendingFirst.includes(field);
          sort = active ? (descending ? field : `-${field}`) : (firstDescending ? `-${field}` : field);
          page = 0;
          writeUrl();
          void load();
        } }, column.label));
    };
    const shownColumns = columns(near, compareBox);
    const pages = Math.ceil(list.meta.total / pageSize);
    showSelection();
    replace(results,
      h('p', { id: 'hospital-count' }, `${formatNumber(list.meta.total)} hospitals; page ${page + 1} of ${pages}`),
      h('table', { class: 'data', id: 'hospital-table' },
        h('caption', {}, near.zip ? `Hospitals within ${near.radiusKm} km of ZIP ${near.zip}, matching the filters` : 'Hospitals matching the filters'),
        h('thead', {}, h('tr', {}, shownColumns.map(header))),
        h('tbody', {}, list.data.map((x) => h('tr', { 'data-id': x.id },
          shownColumns.map((c) => h('td', { class: [c.wide ? 'wide' : '', ['rating', 'beds'].includes(c.field ?? '') ? 'num' : ''].join(' ').trim() || undefined }, c.cell(x))))))),
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
      downloadBlob('hospitals.xlsx', await getBlob(`/api/v1/export/hospitals?format=xlsx&${apiQuery(filters, sort, near)}`));
      exportStatus.textContent = '';
    } catch (error) {
      exportStatus.textContent = `The XLSX export was refused: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  const exportAs = async (format: 'csv' | 'geojson') => {
    const rows = await getAll<Hospital>(`/api/v1/hospitals?${apiQuery(filters, sort, near)}&fields=${csvColumns.join(',')}`);
    if (format === 'csv') download('hospitals.csv', hospitalsToCsv(rows), 'text/csv');
    else download('hospitals.geojson', JSON.stringify(hospitalsToGeoJson(rows)), 'application/geo+json');
  };
  const applyFilters = (changed: Partial<HospitalFilters>) => {
    filters = { ...filters, ...changed };
    page = 0;
    writeUrl();
    void load();
  };
  const setFilter = (field: keyof HospitalFilters) => (value: string) => applyFilters({ [field]: value });
  const countySlot = h('span', { class: 'slot' });
  const drawCountyPicker = () => replace(countySlot, filters.state
    ? select('County', [['', 'Any county'], ...countiesOf(everyHospital, filters.state).map((c): [string, string] => [c, c])],
      filters.county, setFilter('county'), 'hospital-county')
    : null);
  const setState = (state: string) => {
    applyFilters({ state, county: '' });
    drawCountyPicker();
  };
  drawCountyPicker();

  replace(main,
    h('h1', {}, 'Hospitals'),
    h('form', { class: 'filters', 'aria-label': 'Hospital filters', onsubmit: (e) => { e.preventDefault(); setFilter('q')(search.value); } },
      h('label', { class: 'field', for: 'hospital-search' }, h('span', {}, 'Search'), search),
      h('button', { type: 'submit' }, 'Search'),
      select('State', [['', 'Any state'], ...distinctValues(everyHospital, 'state').map((s): [string, string] => [s, s])], filters.state, setState, 'hospital-state'),
      countySlot,
      select('Type', [['', 'Any type'], ...distinctValues(everyHospital, 'type').map((t): [string, string] => [t, t])], filters.type, setFilter('type'), 'hospital-type'),
      select('Ownership', [['', 'Any ownership'], ...distinctValues(everyHospital, 'ownership').map((t): [string, string] => [t, t])], filters.ownership, setFilter('ownership'), 'hospital-ownership'),
      select('Rating at least', [['', 'Any'], ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5']], filters.minRating, setFilter('minRating'), 'hospital-rating'),
      select('Emergency services', [['', 'Any'], ['true', 'Yes'], ['false', 'No']], filters.emergency, setFilter('emergency'), 'hospital-emergency'),
      select('Birthing-friendly', [['', 'Any'], ['true', 'Yes'], ['false', 'No']], filters.birthingFriendly, setFilter('birthingFriendly'), 'hospital-birthing')),
    h('form', { class: 'filters', 'aria-label': 'Find hospitals near a ZIP', id: 'finder', onsubmit: (e) => {
      e.preventDefault();
      near = { ...near, zip: zipInput.value.trim() };
      sort = near.zip ? 'distance' : 'name';
      page = 0;
      writeUrl();
      void load();
    } },
      h('label', { class: 'field', for: 'finder-zip' }, h('span', {}, 'Near ZIP'), zipInput),
      select('Within', radii.map((r): [string, string] => [r, `${r} km`]), near.radiusKm, (value) => {
        near = { ...near, radiusKm: value };
        if (near.zip) { page = 0; writeUrl(); void load(); }
      }, 'finder-radius'),
      h('button', { type: 'submit', id: 'finder-go' }, 'Find'),
      h('p', { class: 'metric-info' }, 'Distances are straight lines from the ZIP centroid; many hospitals are placed at their own ZIP\'s centroid, shown as "same ZIP". ',
        'Equal star ratings are ordered by the patient survey\'s summary star, then by name.')),
    h('p', { class: 'exports' }, 'Export the matching hospitals: ',
      h('button', { type: 'button', id: 'export-csv', onclick: () => void exportAs('csv') }, 'CSV'), ' ',
      h('button', { type: 'button', id: 'export-geojson', onclick: () => void exportAs('geojson') }, 'GeoJSON'), ' ',
      h('button', { type: 'button', id: 'export-xlsx', onclick: () => void exportXlsx() }, 'Excel (XLSX)'), ' ',
      exportStatus),
    selection,
    results);
  await load();
};
