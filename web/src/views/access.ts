// Care deserts: how far people live from emergency care. Counties (or states) shaded by the share of their
// ZIP centroids farther than 30 or 60 km from the nearest hospital with emergency services, the farthest
// places as markers, the states ranked, and for a chosen state its counties and farthest places.

import type { ObjectEnvelope } from '../api';
import { mountChart } from '../charts/mount';
import { projectPoint, stateCodeByFips, stateFipsByCode } from '../geo/projection';
import { regionName, registerCounties, registerStates, usMapBase } from '../geo/usMap';
import { noDataColor } from '../transforms/colors';
import { formatNumber, formatShare } from '../transforms/format';
import { valuesByKey } from '../transforms/metrics';
import type { Access, HospitalSummary, MetricTable, ZipDistance } from '../types';
import { escapeHtml, h, replace, select } from '../ui/dom';
import { showLoading } from '../ui/states';
import { dataTable } from '../ui/table';
import { allHospitals, cachedJson, type View } from '../view';

type AccessSummary = Access['national'];
type StateAccess = NonNullable<Access['states']>[number];
type CountyAccess = NonNullable<Access['counties']>[number];

/** The distance a share is counted beyond: the analysis's two thresholds. */
type Threshold = '30' | '60';

const shareBeyond = (s: AccessSummary, threshold: Threshold) =>
  (threshold === '30' ? s.share_farther_than_30km : s.share_farther_than_60km);

// Shades of the share beyond the threshold, in percent (ColorBrewer Blues); the markers are orange on top.
const shades = [
  { label: 'none', color: '#eff3ff', lte: 0 },
  { label: 'up to 10%', color: '#bdd7e7', lte: 10 },
  { label: '10% to 25%', color: '#6baed6', lte: 25 },
  { label: '25% to 50%', color: '#3182bd', lte: 50 },
  { label: 'over 50%', color: '#08519c', lte: 100 },
];
const markerColor = '#e6550d';

/** What the view reads: the analysis with every county, area names, county populations and hospital names. */
interface AccessData {
  access: Access;
  stateNames: Map<string, string>;
  countyNames: Map<string, string>;
  countyPopulation: Map<string, number>;
  hospitals: Map<string, HospitalSummary>;
}

async function loadAccess(): Promise<AccessData> {
  const [access, states, counties, hospitals] = await Promise.all([
    cachedJson<ObjectEnvelope<Access>>('/api/v1/analytics/access?level=county'),
    cachedJson<ObjectEnvelope<MetricTable>>('/api/v1/analytics/metrics?level=state'),
    cachedJson<ObjectEnvelope<MetricTable>>('/api/v1/analytics/metrics?level=county'),
    allHospitals(),
  ]);
  const names = (table: MetricTable) => new Map(table.rows.map((row) => [row.key, row.name]));
  return {
    access: access.data,
    stateNames: names(states.data),
    countyNames: names(counties.data),
    countyPopulation: valuesByKey(counties.data, 'population'),
    hospitals: new Map(hospitals.map((x) => [x.id, x])),
  };
}

/** The people in counties where more than half of the ZIP centroids lie beyond the threshold. */
function peopleInDesertCounties(data: AccessData, counties: CountyAccess[], threshold: Threshold): number {
  return counties.filter((c) => shareBeyond(c, threshold) > 0.5)
    .reduce((total, c) => total + (data.countyPopulation.get(c.county_fips) ?? 0), 0);
}

function countiesOf(data: AccessData, code: string): CountyAccess[] {
  const fips = stateFipsByCode[code];
  return (data.access.counties ?? []).filter((c) => c.county_fips.startsWith(fips));
}

/** The farthest places: the nation's, plus each state's own, without repeats, farthest first. */
function farthestPlaces(access: Access, code: string | null): ZipDistance[] {
  const chosen = code ? (access.states ?? []).filter((s) => s.state === code) : access.states ?? [];
  const places = new Map<string, ZipDistance>();
  for (const place of [...(code ? [] : access.care_deserts ?? []), ...chosen.flatMap((s) => s.farthest)]) places.set(place.zip, place);
  return [...places.values()].sort((a, b) => b.distance_km - a.distance_km);
}

function summaryText(s: AccessSummary, threshold: Threshold, people: number): string {
  const count = threshold === '30' ? s.farther_than_30km : s.farther_than_60km;
  return `${formatNumber(count)} of ${formatNumber(s.zips)} ZIP centroids (${formatShare(shareBeyond(s, threshold))}) lie more than ` +
    `${threshold} km from the nearest hospital with emergency services; median ${formatNumber(s.median_km)} km, ` +
    `90th percentile ${formatNumber(s.p90_km)} km, farthest ${formatNumber(s.max_km)} km. ` +
    `About ${formatNumber(people)} people live in counties where most ZIP centroids are that far.`;
}

function shadeLegend(threshold: Threshold): HTMLElement {
  return h('ul', { class: 'legend', id: 'access-legend', 'aria-label': `Shading: share of ZIP centroids beyond ${threshold} km` },
    shades.map((s) => h('li', {}, h('span', { class: 'swatch area', style: `background:${s.color}` }), s.label)),
    h('li', {}, h('span', { class: 'swatch area', style: `background:${noDataColor}` }), 'no ZIP centroid (no data)'),
    h('li', {}, h('span', { class: 'swatch', style: `background:${markerColor}` }), 'farthest places'));
}

function placeTooltip(data: AccessData, place: ZipDistance): string {
  const hospital = data.hospitals.get(place.nearest_emergency_hospital);
  return `<b>ZIP ${place.zip}</b>, ${escapeHtml(place.city)}, ${place.state}<br>${formatNumber(place.distance_km)} km to ` +
    escapeHtml(hospital?.name ?? place.nearest_emergency_hospital);
}

function placesTable(data: AccessData, caption: string, places: ZipDistance[]): HTMLElement {
  return dataTable(caption, [
    { header: 'ZIP', value: (p: ZipDistance) => p.zip },
    { header: 'Place', value: (p) => `${p.city}, ${p.state}`, sortKey: (p) => `${p.state} ${p.city}` },
    { header: 'County', value: (p) => data.countyNames.get(p.county_fips) ?? p.county_fips },
    { header: 'County population', value: (p) => formatNumber(data.countyPopulation.get(p.county_fips)), numeric: true,
      sortKey: (p) => data.countyPopulation.get(p.county_fips) },
    { header: 'Distance (km)', value: (p) => formatNumber(p.distance_km), numeric: true, sortKey: (p) => p.distance_km },
    { header: 'Nearest emergency hospital', value: (p) => h('a', { href: `#/hospital?id=${encodeURIComponent(p.nearest_emergency_hospital)}` },
      data.hospitals.get(p.nearest_emergency_hospital)?.name ?? p.nearest_emergency_hospital) },
  ], places);
}

/** The share columns every summary table shows. */
function summaryColumns<T extends AccessSummary>() {
  return [
    { header: 'ZIPs', value: (s: T) => formatNumber(s.zips), numeric: true, sortKey: (s: T) => s.zips },
    { header: 'Beyond 30 km', value: (s: T) => formatShare(s.share_farther_than_30km), numeric: true, sortKey: (s: T) => s.share_farther_than_30km },
    { header: 'Beyond 60 km', value: (s: T) => formatShare(s.share_farther_than_60km), numeric: true, sortKey: (s: T) => s.share_farther_than_60km },
    { header: 'Median (km)', value: (s: T) => formatNumber(s.median_km), numeric: true, sortKey: (s: T) => s.median_km },
    { header: 'Farthest (km)', value: (s: T) => formatNumber(s.max_km), numeric: true, sortKey: (s: T) => s.max_km },
  ];
}

/** The access view (?threshold=30|60, ?level=county|state, ?state=MT). */
export const access: View = async (main, context) => {
  showLoading(main, 'the distances to emergency care');
  const level = context.params.get('level') === 'state' ? 'state' : 'county';
  const [data] = await Promise.all([loadAccess(), level === 'county' ? registerCounties() : registerStates()]);
  const states = data.access.states ?? [];
  let threshold: Threshold = context.params.get('threshold') === '60' ? '60' : '30';
  let chosen: string | null = states.some((s) => s.state === context.params.get('state')?.toUpperCase())
    ? context.params.get('state')!.toUpperCase() : null;

  const lead = h('p', { class: 'lead', id: 'access-summary' });
  const legendSlot = h('div', {});
  const details = h('div', { id: 'access-details' });
  const chartElement = h('div', { class: 'chart map', id: 'access-map', role: 'img',
    'aria-label': 'Map: share of ZIP centroids beyond the distance threshold, by area, with the farthest places marked; the tables below hold the same figures' });
  const summaries = new Map<string, AccessSummary>(level === 'county'
    ? (data.access.counties ?? []).map((c) => [c.county_fips, c]) : states.map((s) => [stateFipsByCode[s.state], s]));
  let markers: ZipDistance[] = [];

  const regionTooltip = (fips: string) => {
    const s = summaries.get(fips);
    return s ? `<b>${escapeHtml(regionName(fips))}</b><br>${formatShare(shareBeyond(s, threshold))} of ${formatNumber(s.zips)} ZIPs beyond ${threshold} km<br>median ${formatNumber(s.median_km)} km`
      : `<b>${escapeHtml(regionName(fips))}</b><br>no ZIP centroid in the data`;
  };
  const mapOption = () => ({
    animation: false,
    tooltip: { trigger: 'item' },
    geo: usMapBase(level === 'county' ? 'county' : 'state'),
    visualMap: { type: 'piecewise', show: false, seriesIndex: 0,
      pieces: shades.map((s, i) => (i === 0 ? { lte: 0, color: s.color } : { gt: shades[i - 1].lte, lte: s.lte, color: s.color })) },
    series: [
      { type: 'map', geoIndex: 0, data: [...summaries].map(([fips, s]) => ({ name: fips, value: 100 * shareBeyond(s, threshold) })),
        tooltip: { formatter: (p: { name: string }) => regionTooltip(p.name) } },
      { type: 'scatter', coordinateSystem: 'geo', name: 'farthest places', symbolSize: 7,
        data: markers.map((m) => projectPoint(m.longitude, m.latitude)).filter((point) => point !== null),
        itemStyle: { color: markerColor, borderColor: '#000', borderWidth: 1 },
        tooltip: { formatter: (p: { dataIndex: number }) => placeTooltip(data, markers[p.dataIndex]) } },
    ],
  });

  let chart: Awaited<ReturnType<typeof mountChart>> | null = null;
  const drawMap = () => {
    chartElement.dataset.drawn = 'false'; // before setOption, which may finish drawing before it returns
    chart?.setOption(mapOption(), { replaceMerge: ['series'] });
  };
  const draw = () => {
    markers = farthestPlaces(data.access, chosen).filter((m) => projectPoint(m.longitude, m.latitude) !== null);
    const state = chosen ? states.find((s) => s.state === chosen) : undefined;
    const counties = chosen ? countiesOf(data, chosen) : data.access.counties ?? [];
    lead.textContent = `${state ? data.stateNames.get(state.state) ?? state.state : 'United States'}: ` +
      summaryText(state ?? data.access.national, threshold, peopleInDesertCounties(data, counties, threshold));
    replace(legendSlot, shadeLegend(threshold));
    replace(details, state ? stateDetails(data, state, counties) : statesRanking(data, states, threshold, choose));
    chartElement.dataset.markers = String(markers.length);
    drawMap();
  };
  const choose = (code: string | null) => {
    chosen = code;
    context.update({ threshold, level, state: chosen ?? undefined });
    draw();
  };

  const stateOptions: [string, string][] = [['', 'All states'],
    ...states.map((s): [string, string] => [s.state, data.stateNames.get(s.state) ?? s.state]).sort((a, b) => a[1].localeCompare(b[1]))];
  replace(main,
    h('h1', {}, 'Care deserts: distance to emergency care'),
    h('form', { class: 'filters', 'aria-label': 'Access filters', onsubmit: (e) => e.preventDefault() },
      select('Distance', [['30', 'Beyond 30 km'], ['60', 'Beyond 60 km']], threshold, (value) => { threshold = value as Threshold; choose(chosen); }, 'access-threshold'),
      select('Shade', [['county', 'Counties'], ['state', 'States']], level, (value) => context.go('access', { threshold, level: value, state: chosen ?? undefined }), 'access-level'),
      select('State', stateOptions, chosen ?? '', (value) => choose(value || null), 'access-state')),
    lead,
    h('div', { class: 'map-wrap' }, chartElement, legendSlot),
    h('p', { class: 'metric-info' }, `${capitalized(data.access.method)}. Straight-line distances from ZIP centroids (not driving times, `,
      'not where people live within a ZIP); the data has no ZIP populations, so people are counted by county (County Health Rankings). ',
      'Click an area to see its state; click a marker for its nearest hospital.'),
    details);
  draw();
  chart = await mountChart(chartElement, {});
  chart.on('finished', () => { chartElement.dataset.drawn = 'true'; });
  chart.on('click', (event) => {
    if (event.seriesType === 'scatter') context.go('hospital', { id: markers[event.dataIndex].nearest_emergency_hospital });
    else if (event.seriesType === 'map') choose(stateCodeByFips[event.name.slice(0, 2)] ?? null);
  });
  drawMap();
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function statesRanking(data: AccessData, states: StateAccess[], threshold: Threshold, choose: (code: string) => void): HTMLElement {
  const ranked = [...states].sort((a, b) => shareBeyond(b, threshold) - shareBeyond(a, threshold));
  const name = (s: StateAccess) => data.stateNames.get(s.state) ?? s.state;
  return h('section', {},
    h('h2', {}, `States ranked by the share of ZIP centroids beyond ${threshold} km`),
    dataTable(`States and territories, farthest from emergency care first (${threshold} km)`, [
      { header: 'Rank', value: (s: StateAccess) => ranked.indexOf(s) + 1, numeric: true },
      { header: 'State', value: (s) => h('button', { type: 'button', class: 'link', onclick: () => choose(s.state) }, name(s)), sortKey: name },
      ...summaryColumns<StateAccess>(),
    ], ranked),
    h('h2', {}, 'The places farthest from emergency care'),
    placesTable(data, 'ZIP centroids farthest from a hospital with emergency services: the 50 farthest nationally and each state\'s 5',
      farthestPlaces(data.access, null)));
}

function stateDetails(data: AccessData, state: StateAccess, counties: CountyAccess[]): HTMLElement {
  const name = data.stateNames.get(state.state) ?? state.state;
  const countyName = (c: CountyAccess) => data.countyNames.get(c.county_fips) ?? regionName(c.county_fips);
  return h('section', {},
    h('h2', {}, `${name}: counties`),
    h('p', {}, h('a', { href: `#/state?code=${state.state}` }, `Open ${name}'s state page`)),
    dataTable(`Counties of ${name} by their ZIP centroids' distance to emergency care`, [
      { header: 'County', value: countyName, sortKey: countyName },
      { header: 'Population', value: (c: CountyAccess) => formatNumber(data.countyPopulation.get(c.county_fips)), numeric: true,
        sortKey: (c: CountyAccess) => data.countyPopulation.get(c.county_fips) },
      ...summaryColumns<CountyAccess>(),
    ], [...counties].sort((a, b) => b.share_farther_than_30km - a.share_farther_than_30km || b.max_km - a.max_km)),
    h('h2', {}, `The places in ${name} farthest from emergency care`),
    placesTable(data, `${name}: the 5 ZIP centroids farthest from a hospital with emergency services`, state.farthest));
}
