// Map: a choropleth of a state (or county) metric with a legend, and every geocoded hospital as a marker
// coloured by star rating or by a measure's fifths; filters, zoom and pan; a click on a marker opens the
// hospital.

import { getJson, type ObjectEnvelope } from '../api';
import { mountChart } from '../charts/mount';
import { pixelProjection, projectPoint, stateFipsByCode } from '../geo/projection';
import { registerCounties, registerStates } from '../geo/usMap';
import { viridis } from '../transforms/colors';
import { formatWithUnit } from '../transforms/format';
import { distinctValues, filtersFromParams, matches, paramsFromFilters, type HospitalFilters } from '../transforms/hospitalFilters';
import { pickableMetrics, valueRange, valuesByKey } from '../transforms/metrics';
import type { HospitalSummary, MetricTable } from '../types';
import { h, replace, select } from '../ui/dom';
import { showError, showLoading } from '../ui/states';
import { dataTable } from '../ui/table';
import { allHospitals, measureCatalogue, type View } from '../view';
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

function choroplethData(table: MetricTable, metric: string) {
  const values = valuesByKey(table, metric);
  const key = (k: string) => (table.level === 'state' ? stateFipsByCode[k] : k);
  return [...values].filter(([k]) => key(k)).map(([k, value]) => ({ name: key(k), value }));
}

function markerLegend(scheme: MarkerScheme): HTMLElement {
  return h('ul', { class: 'legend', id: 'marker-legend', 'aria-label': scheme.title },
    scheme.classes.map((c) => h('li', {}, h('span', { class: 'swatch', style: `background:${c.color}` }), c.name)));
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
  const writeUrl = () => context.update({ level, metric, markers: markerMeasure?.id, ...paramsFromFilters(filters) });

  let chart: Awaited<ReturnType<typeof mountChart>>;
  let classes: MarkerClass[] = []; // the markers drawn, for the click handler
  const draw = () => {
    const shown = hospitals.filter((hospital) => matches(hospital, filters));
    const markers = markersOf(shown, scheme);
    classes = markers.classes;
    const markerCount = classes.reduce((total, markerClass) => total + markerClass.points.length, 0);
    const column = metricTable?.metrics.find((m) => m.name === metric);
    const data = metricTable && column ? choroplethData(metricTable, metric) : [];
    const range = valueRange(data.map((d) => d.value)) ?? [0, 1];
    chartElement.dataset.drawn = 'false'; // before setOption, which may finish drawing before it returns
    chart.setOption({
      animation: false, // thousands of markers: draw them at once rather than fade them in
      tooltip: { trigger: 'item' },
      geo: { map: level === 'state' ? 'us-states' : 'us-counties', projection: pixelProjection, roam: true,
        itemStyle: { areaColor: '#eee', borderColor: '#fff', borderWidth: 0.5 }, emphasis: { disabled: true },
        layoutCenter: ['50%', '50%'], layoutSize: '100%' },
      visualMap: [{ type: 'continuous', seriesIndex: 0, min: range[0], max: range[1], inRange: { color: viridis },
        text: [formatWithUnit(range[1], column?.unit ?? ''), formatWithUnit(range[0], column?.unit ?? '')],
        calculable: false, left: 8, bottom: 8, itemHeight: 120 }],
      series: [
        { type: 'map', geoIndex: 0, data, name: column?.label ?? '' ,
          tooltip: { formatter: (p: { name: string; value: number }) => `${column?.label}: ${formatWithUnit(p.value, column?.unit ?? '')}` } },
        ...markerSeries(classes, scheme),
      ],
    }, { replaceMerge: ['series'] });
    chartElement.dataset.markers = String(markerCount);
    status.textContent = `${markerCount.toLocaleString('en-US')} of ${shown.length.toLocaleString('en-US')} matching hospitals shown` +
      (markers.outside ? ` (${markers.outside} in territories outside the map projection)` : '') +
      `; ${hospitals.length.toLocaleString('en-US')} hospitals in all.`;
    metricInfo.textContent = column ? `${column.label}${column.description ? ` — ${column.description}` : ''}. Source: ${column.source}.` : '';
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
    select('Type', [['', 'Any type'], ...distinctValues(hospitals, 'type').map((t): [string, string] => [t, t])], filters.type, setFilter('type'), 'map-type'),
    select('Ownership', [['', 'Any ownership'], ...distinctValues(hospitals, 'ownership').map((t): [string, string] => [t, t])], filters.ownership, setFilter('ownership'), 'map-ownership'),
    select('Rating at least', [['', 'Any rating'], ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5']], filters.minRating, setFilter('minRating'), 'map-rating'),
    select('Emergency services', [['', 'Any'], ['true', 'Yes'], ['false', 'No']], filters.emergency, setFilter('emergency'), 'map-emergency'));

  replace(main, h('h1', {}, 'Where the hospitals are'), controls, status,
    table instanceof Error ? h('div', { id: 'choropleth-state' }) : null,
    h('div', { class: 'map-wrap' }, chartElement, markerLegend(scheme)), metricInfo,
    metricTable ? h('details', {}, h('summary', {}, 'Data table: the coloured metric'),
      dataTable(`${metricTable.level === 'state' ? 'States' : 'Counties'} by ${metric}`, [
        { header: 'Area', value: (r: { name: string; value: number }) => r.name },
        { header: 'Value', value: (r) => r.value, numeric: true },
      ], [...valuesByKey(metricTable, metric)].map(([key, value]) => ({
        name: metricTable.rows.find((row) => row.key === key)?.name ?? key, value })))) : null);
  if (table instanceof Error) showError(main.querySelector('#choropleth-state') as HTMLElement, table);
  chart = await mountChart(chartElement, {});
  chart.on('finished', () => { chartElement.dataset.drawn = 'true'; });
  chart.on('click', (event) => {
    const hospital = classes.find((markerClass) => markerClass.name === event.seriesName)?.hospitals[event.dataIndex];
    if (event.seriesType === 'scatter' && hospital) context.go('hospital', { id: hospital.id });
  });
  draw();
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
