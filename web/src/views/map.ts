// Map: a choropleth of a state (or county) metric with a legend, and every geocoded hospital as a marker
// coloured by star rating or by a measure's fifths; filters, zoom and pan; a click on a marker picks the
// hospital (open it, or add it to Compare), a click on an area opens the state or county.

import { getJson, type ObjectEnvelope } from '../api';
import { mountChart } from '../charts/mount';
import { projectPoint, stateCodeByFips, stateFipsByCode } from '../geo/projection';
import { regionName, registerCounties, registerStates, usMapBase } from '../geo/usMap';
import { choroplethGreys, noDataColor } from '../transforms/colors';
import { compareLimit, parseCompareIds, withCompared } from '../transforms/compareList';
import { formatWithUnit } from '../transforms/format';
import { distinctValues, filtersFromParams, matches, paramsFromFilters, type HospitalFilters } from '../transforms/hospitalFilters';
import { clampToScale, pickableMetrics, scaleRange, scaleText, valuesByKey, type ScaleRange } from '../transforms/metrics';
import type { HospitalSummary, Metric, MetricTable } from '../types';
import { escapeHtml, h, replace, select } from '../ui/dom';
import { showError, showLoading } from '../ui/states';
import { dataTable } from '../ui/table';
import { allHospitals, measureCatalogue, type View } from '../view';
import { compareSelection } from './compareSelection';
import { measureScheme, ratingScheme, type MarkerScheme } from './mapMarkers';

/** The hospitals of one marker class that the map can show, with their marker positions in map pixels. */
interface MarkerClass {
  name: string;
  color: string;
  hospitals: HospitalSummary[];
  points: [number, number][];
}

/** The markers by class of the scheme, and how many hospitals lie outside the projection (the territories). */
function markersOf(hospitals: HospitalSummary[], scheme: MarkerScheme): { classes: MarkerClass[]; outside: number } {
  const classes = scheme.classes.map((c): MarkerClass => ({ ...c, hospitals: [], points: [] }));
  let outside = 0;
  for (const hospital of hospitals) {
    if (hospital.latitude === null || hospital.longitude === null) continue;
    const point = projectPoint(hospital.longitude, hospital.latitude);
    const markerClass = classes[scheme.classOf(hospital)];
    if (!point) outside += 1;
    else if (markerClass) {
      markerClass.hospitals.push(hospital);
      markerClass.points.push(point);
    }
  }
  return { classes, outside };
}

// Markers under 4 px take ECharts' fast path (filled squares, no stroke), so the dark rim that keeps them
// visible on any choropleth colour is a larger square drawn underneath.
const markerSize = 2.6;
const rimSize = 3.9;

/**
 * One scatter series per rating class, each in its colour (ECharts draws a large series in one colour, and
 * large series are what keep about 5.4k markers fast), over one series of rims. Their data are bare
 * points, which ECharts copies quickly; the tooltip finds the hospital by the point's index.
 */
function markerSeries(classes: MarkerClass[], scheme: MarkerScheme) {
  const marker = { type: 'scatter', coordinateSystem: 'geo', large: true, largeThreshold: 1 };
  const rims = { ...marker, name: 'rims', silent: true, data: classes.flatMap((markerClass) => markerClass.points),
    symbolSize: rimSize, itemStyle: { color: '#000', opacity: 0.75 }, tooltip: { show: false } };
  return [rims, ...classes.map((markerClass) => ({
    ...marker, name: markerClass.name, data: markerClass.points,
    symbolSize: markerSize, itemStyle: { color: markerClass.color },
    tooltip: { formatter: (p: { dataIndex: number }) => markerTooltip(markerClass.hospitals[p.dataIndex], scheme) },
  }))];
}

function markerTooltip(x: HospitalSummary, scheme: MarkerScheme): string {
  return `<b>${escapeHtml(x.name)}</b><br>${escapeHtml(x.city)}, ${x.state}<br>${escapeHtml(x.type)}<br>` +
    escapeHtml(scheme.describe(x));
}

/** One area of the choropleth: its region (FIPS), its value, and the value clamped into the scale for the colour. */
interface AreaValue {
  name: string;
  value: number;
  actual: number;
}

function choroplethData(table: MetricTable, metric: string, state: string): AreaValue[] {
  const values = valuesByKey(table, metric);
  const key = (k: string) => (table.level === 'state' ? stateFipsByCode[k] : k);
  const inState = (fips: string) => !state || fips.startsWith(stateFipsByCode[state] ?? '--');
  return [...values].filter(([k]) => key(k) && inState(key(k))).map(([k, value]) => ({ name: key(k), value, actual: value }));
}

function clampedTo(data: AreaValue[], range: ScaleRange): AreaValue[] {
  return data.map((d) => ({ ...d, value: clampToScale(d.actual, range) }));
}

function markerLegend(scheme: MarkerScheme): HTMLElement {
  return h('ul', { class: 'legend', id: 'marker-legend', 'aria-label': scheme.title },
    scheme.classes.map((c) => h('li', {}, h('span', { class: 'swatch', style: `background:${c.color}` }), c.name)),
    h('li', {}, h('span', { class: 'swatch area', style: `background:${noDataColor}` }), 'area with no data'));
}

/** The coloured metric as a sortable table; counties are named with their state. */
function coloredMetricTable(table: MetricTable, column: Metric, data: AreaValue[]): HTMLElement {
  const names = new Map(table.rows.map((row) => [table.level === 'state' ? stateFipsByCode[row.key] : row.key, row.name]));
  const name = (d: AreaValue) => {
    const own = names.get(d.name) ?? regionName(d.name);
    return table.level === 'county' && !own.includes(',') ? `${own}, ${stateCodeByFips[d.name.slice(0, 2)] ?? ''}` : own;
  };
  return dataTable(`${table.level === 'state' ? 'States' : 'Counties'} by ${column.label} (${column.unit})`, [
    { header: table.level === 'state' ? 'State' : 'County', value: name, sortKey: name },
    { header: column.label, value: (d: AreaValue) => formatWithUnit(d.actual, column.unit), numeric: true, sortKey: (d: AreaValue) => d.actual },
  ], [...data].sort((a, b) => b.actual - a.actual));
}

/** The map view. */
export const map: View = async (main, context) => {
  showLoading(main, 'the map');
  const params = context.params;
  const level = params.get('level') === 'county' ? 'county' : 'state';
  const [hospitals, table, catalogue] = await Promise.all([
    allHospitals(),
    getJson<ObjectEnvelope<MetricTable>>(`/api/v1/analytics/metrics?level=${level}`).then((t) => t.data).catch((e) => e as Error),
    measureCatalogue(),
    level === 'county' ? registerCounties() : registerStates(),
  ]);
  const markerMeasure = catalogue.find((m) => m.id === params.get('markers')) ?? null;
  const scheme = markerMeasure ? await measureScheme(markerMeasure) : ratingScheme();
  const metricTable = table instanceof Error ? null : table;
  const metrics = metricTable ? pickableMetrics(metricTable) : [];
  let metric = params.get('metric') ?? (level === 'state' ? 'hospitals_per_100k' : 'life_expectancy');
  if (!metrics.some((m) => m.name === metric) && metrics.length > 0) metric = metrics[0].name;
  let filters = filtersFromParams(params);

  const status = h('p', { class: 'map-status', role: 'status', id: 'map-status' });
  const chartElement = h('div', { class: 'chart map', id: 'map-chart', role: 'img',
    'aria-label': 'Map of the United States with a choropleth and hospital markers; the marker count is in the status line' });
  const metricInfo = h('p', { class: 'metric-info' });
  const tableSlot = h('div', { id: 'map-table' });
  let chosen = parseCompareIds(params.get('compare')).slice(0, compareLimit);
  const writeUrl = () => context.update({ level, metric, markers: markerMeasure?.id, ...paramsFromFilters(filters),
    compare: chosen.length ? chosen.join(',') : undefined });
  const picked = h('div', { id: 'map-selection', 'aria-live': 'polite' });
  const compareLine = h('p', { id: 'compare-selection', role: 'status' });
  const showCompare = () => replace(compareLine, compareSelection(chosen, 'Click a marker to open its hospital or add it to Compare.'));
  const pick = (x: HospitalSummary) => {
    const full = chosen.length >= compareLimit && !chosen.includes(x.id);
    replace(picked, h('p', { class: 'map-selection' }, h('strong', {}, x.name), `, ${x.city}, ${x.state}; `,
      x.rating === null ? 'not rated' : `${x.rating} stars`, '. ',
      h('a', { href: `#/hospital?id=${x.id}`, id: 'open-hospital' }, 'Open the hospital'), ' ',
      h('button', { type: 'button', class: 'add-compare', id: 'map-add-compare', disabled: full || chosen.includes(x.id),
        onclick: () => { chosen = withCompared(chosen, x.id); writeUrl(); showCompare(); pick(x); } },
      chosen.includes(x.id) ? 'Added to Compare' : full ? `Compare is full (${compareLimit})` : 'Add to Compare')));
  };

  let chart: Awaited<ReturnType<typeof mountChart>>;
  let classes: MarkerClass[] = []; // the markers drawn, for the click handler
  const draw = () => {
    const shown = hospitals.filter((hospital) => matches(hospital, filters));
    const markers = markersOf(shown, scheme);
    classes = markers.classes;
    const markerCount = classes.reduce((total, markerClass) => total + markerClass.points.length, 0);
    const column = metricTable?.metrics.find((m) => m.name === metric);
    const data = metricTable && column ? choroplethData(metricTable, metric, filters.state) : [];
    const range = scaleRange(data.map((d) => d.actual));
    const scale = range ?? { low: 0, high: 1, outside: 0, robust: false };
    chartElement.dataset.drawn = 'false'; // before setOption, which may finish drawing before it returns
    chart.setOption({
      animation: false, // thousands of markers: draw them at once rather than fade them in
      tooltip: { trigger: 'item' },
      geo: usMapBase(level === 'county' ? 'county' : 'state'),
      visualMap: [{ type: 'continuous', seriesIndex: 0, min: scale.low, max: scale.high, inRange: { color: choroplethGreys },
        text: [formatWithUnit(scale.high, column?.unit ?? ''), formatWithUnit(scale.low, column?.unit ?? '')],
        calculable: false, left: 8, bottom: 8, itemHeight: 120 }],
      series: [
        { type: 'map', geoIndex: 0, data: clampedTo(data, scale), name: column?.label ?? '',
          tooltip: { formatter: (p: { name: string; data?: AreaValue }) => `<b>${escapeHtml(regionName(p.name))}</b><br>` +
            (p.data ? `${escapeHtml(column?.label ?? '')}: ${formatWithUnit(p.data.actual, column?.unit ?? '')}` : 'no data') } },
        ...markerSeries(classes, scheme),
      ],
    }, { replaceMerge: ['series'] });
    chartElement.dataset.markers = String(markerCount);
    status.textContent = `${markerCount.toLocaleString('en-US')} of ${shown.length.toLocaleString('en-US')} matching hospitals shown` +
      (markers.outside ? ` (${markers.outside} in territories outside the map projection)` : '') +
      `; ${hospitals.length.toLocaleString('en-US')} hospitals in all.`;
    metricInfo.textContent = column ? `${column.label}${column.description ? ` — ${column.description}` : ''}. Source: ${column.source}. ` +
      scaleText(range, column.unit) : '';
    replace(tableSlot, metricTable && column ? coloredMetricTable(metricTable, column, data) : null);
  };

  const setFilter = (field: keyof HospitalFilters) => (value: string) => {
    filters = { ...filters, [field]: value };
    writeUrl();
    draw();
  };
  const controls = h('form', { class: 'filters', 'aria-label': 'Map filters', onsubmit: (e) => e.preventDefault() },
    select('Level', [['state', 'States'], ['county', 'Counties']], level, (value) => context.go('map', { level: value })),
    metricTable ? select('Colour by', metrics.map((m) => [m.name, m.label]), metric, (value) => { metric = value; writeUrl(); draw(); }, 'map-metric') : null,
    select('Markers by', [['', 'Star rating'], ...catalogue.map((m): [string, string] => [m.id, m.name])], markerMeasure?.id ?? '',
      (value) => context.go('map', { level, metric, markers: value || undefined, ...paramsFromFilters(filters) }), 'map-markers'),
    select('State', [['', 'All states'], ...distinctValues(hospitals, 'state').map((t): [string, string] => [t, t])], filters.state, setFilter('state'), 'map-state'),
    select('Type', [['', 'Any type'], ...distinctValues(hospitals, 'type').map((t): [string, string] => [t, t])], filters.type, setFilter('type'), 'map-type'),
    select('Ownership', [['', 'Any ownership'], ...distinctValues(hospitals, 'ownership').map((t): [string, string] => [t, t])], filters.ownership, setFilter('ownership'), 'map-ownership'),
    select('Rating at least', [['', 'Any rating'], ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5']], filters.minRating, setFilter('minRating'), 'map-rating'),
    select('Emergency services', [['', 'Any'], ['true', 'Yes'], ['false', 'No']], filters.emergency, setFilter('emergency'), 'map-emergency'),
    select('Birthing-friendly', [['', 'Any'], ['true', 'Yes'], ['false', 'No']], filters.birthingFriendly, setFilter('birthingFriendly'), 'map-birthing'));

  replace(main, h('h1', {}, 'Where the hospitals are'), controls, status,
    table instanceof Error ? h('div', { id: 'choropleth-state' }) : null,
    h('div', { class: 'map-wrap' }, chartElement, markerLegend(scheme)), picked, compareLine, metricInfo,
    metricTable ? h('details', {}, h('summary', {}, 'Data table: the coloured metric'), tableSlot) : null);
  if (table instanceof Error) showError(main.querySelector('#choropleth-state') as HTMLElement, table);
  showCompare();
  chart = await mountChart(chartElement, {});
  chart.on('finished', () => { chartElement.dataset.drawn = 'true'; });
  chart.on('click', (event) => {
    const hospital = classes.find((markerClass) => markerClass.name === event.seriesName)?.hospitals[event.dataIndex];
    if (event.seriesType === 'scatter' && hospital) pick(hospital);
    else if (event.seriesType === 'map' && level === 'state' && stateCodeByFips[event.name]) context.go('state', { code: stateCodeByFips[event.name] });
    else if (event.seriesType === 'map' && level === 'county') context.go('county', { fips: event.name });
  });
  draw();
};
