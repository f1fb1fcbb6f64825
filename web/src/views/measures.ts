// Measures: pick a CMS measure and see how hospitals spread on it (distribution), the best and worst
// hospitals, the states ranked by their hospitals' median, and a link that colours the map's markers by it.

import type { ListEnvelope, ObjectEnvelope } from '../api';
import { mountChartNextFrame } from '../charts/mount';
import { viridis } from '../transforms/colors';
import { formatNumber } from '../transforms/format';
import { h, replace } from '../ui/dom';
import { showLoading } from '../ui/states';
import { dataTable, figure } from '../ui/table';
import type { Measure, MeasureDetail, MeasureHospital } from '../types';
import { cachedJson, measureCatalogue, measureHospitals, type View } from '../view';
import { groupTabs } from './hospitalMeasures';

const defaultMeasure = 'READM-30-HF-HRRP';
const listed = 10;
const bins = 20;
const fewestToRank = 5; // states with fewer hospitals reporting the measure are listed, not ranked

function picker(catalogue: Measure[], chosen: string, onChange: (id: string) => void): HTMLElement {
  const control = h('select', { id: 'measure-picker', onchange: (e) => onChange((e.target as HTMLSelectElement).value) },
    groupTabs.map(([group, label]) => h('optgroup', { label },
      catalogue.filter((m) => m.group === group).map((m) => h('option', { value: m.id, selected: m.id === chosen }, `${m.name} (${m.id})`)))));
  return h('label', { class: 'field', for: 'measure-picker' }, h('span', {}, 'Measure'), control);
}

function directionText(m: Measure): string {
  if (m.direction === 'lower_is_better') return 'lower is better';
  if (m.direction === 'higher_is_better') return 'higher is better';
  return 'no better or worse direction';
}

function histogram(detail: MeasureDetail, values: number[]): HTMLElement {
  const low = Math.min(...values), high = Math.max(...values);
  const width = (high - low) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - low) / width))] += 1;
  const labels = counts.map((_, i) => `${formatNumber(low + i * width)}–${formatNumber(low + (i + 1) * width)}`);
  const chart = h('div', { class: 'chart', id: 'measure-histogram', role: 'img', 'aria-label': `Distribution of ${detail.name}; the data table follows` });
  mountChartNextFrame(chart, {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: 45 } },
    yAxis: { type: 'value', name: 'hospitals' },
    series: [{ type: 'bar', data: counts, itemStyle: { color: viridis[3] },
      markLine: detail.national === null ? undefined : { symbol: 'none', label: { formatter: 'national' },
        data: [{ xAxis: Math.min(bins - 1, Math.floor((detail.national - low) / width)) }] } }],
  });
  return figure(`Distribution over ${values.length.toLocaleString('en-US')} hospitals`, chart,
    dataTable('Hospitals per value range', [
      { header: 'Range', value: (r: { label: string; count: number }) => r.label },
      { header: 'Hospitals', value: (r) => r.count, numeric: true },
    ], labels.map((label, i) => ({ label, count: counts[i] }))));
}

function hospitalTable(caption: string, rows: MeasureHospital[], id: string): HTMLTableElement {
  const table = dataTable(caption, [
    { header: 'Hospital', value: (r: MeasureHospital) => h('a', { href: `#/hospital?id=${r.facility_id}` }, r.name) },
    { header: 'Place', value: (r) => `${r.city}, ${r.state}` },
    { header: 'Value', value: (r) => formatNumber(r.value, 6), numeric: true },
    { header: 'Cases or surveys', value: (r) => formatNumber(r.denominator, 6), numeric: true },
    { header: 'Percentile', value: (r) => formatNumber(r.percentile), numeric: true },
  ], rows);
  table.id = id;
  return table;
}

function stateRanking(detail: MeasureDetail, names: Map<string, string>): HTMLTableElement {
  const sign = detail.direction === 'higher_is_better' ? -1 : 1;
  const ranked = detail.states.filter((s) => s.n >= fewestToRank && s.median !== null)
    .sort((a, b) => sign * ((a.median as number) - (b.median as number)));
  const unranked = detail.states.filter((s) => !ranked.includes(s));
  const rows = [...ranked.map((s, i) => ({ ...s, rank: String(i + 1) })), ...unranked.map((s) => ({ ...s, rank: `fewer than ${fewestToRank} hospitals` }))];
  const table = dataTable(`States by their hospitals' median (${detail.direction === 'neutral' ? 'lowest first' : 'best first'})`, [
    { header: 'Rank', value: (r: (typeof rows)[number]) => r.rank },
    { header: 'State', value: (r) => h('a', { href: `#/state?code=${r.state}` }, names.get(r.state) ?? r.state) },
    { header: 'Median', value: (r) => formatNumber(r.median, 5), numeric: true },
    { header: 'Mean', value: (r) => formatNumber(r.mean, 5), numeric: true },
    { header: 'Hospitals', value: (r) => r.n, numeric: true },
  ], rows);
  table.id = 'measure-states';
  return table;
}

/** The measures view (?id= a measure id; heart failure readmissions by default). */
export const measures: View = async (main, context) => {
  showLoading(main, 'the measures');
  const catalogue = await measureCatalogue();
  const id = catalogue.some((m) => m.id === context.params.get('id')) ? (context.params.get('id') as string) : defaultMeasure;
  const path = `/api/v1/measures/${encodeURIComponent(id)}`;
  const [detail, ranked, states] = await Promise.all([
    cachedJson<ObjectEnvelope<MeasureDetail>>(path).then((r) => r.data),
    measureHospitals(id),
    cachedJson<ListEnvelope<{ code: string; name: string }>>('/api/v1/states'),
  ]);
  const stateNames = new Map(states.data.map((x) => [x.code, x.name]));
  const d = detail.distribution;
  const neutral = detail.direction === 'neutral'; // "best" order lists a neutral measure's highest values first
  const missing = Object.entries(detail.missing).map(([reason, n]) => `${n.toLocaleString('en-US')} "${reason}"`).join(', ');
  const period = [detail.period.start && detail.period.end ? `${detail.period.start} to ${detail.period.end}` : '',
    detail.period.fiscal_year === null ? '' : `FY${detail.period.fiscal_year} program`].filter(Boolean).join(', ');
  replace(main,
    h('h1', {}, 'Hospital measures'),
    h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() }, picker(catalogue, id, (value) => context.go('measures', { id: value }))),
    h('h2', { id: 'measure-name' }, detail.name),
    h('p', { class: 'lead' }, `${detail.id} · ${detail.unit}, ${directionText(detail)} · ${period || 'period not given'} · source ${detail.source}`),
    h('dl', { class: 'facts', id: 'measure-facts' },
      h('dt', {}, 'Hospitals with a value'), h('dd', {}, d.n.toLocaleString('en-US')),
      h('dt', {}, 'Without a value'), h('dd', {}, missing || 'none'),
      h('dt', {}, 'National'), h('dd', {}, `${formatNumber(detail.national, 5)} (${detail.national_basis})`),
      h('dt', {}, 'Middle 80% of hospitals'), h('dd', {}, `${formatNumber(d.p10, 5)} to ${formatNumber(d.p90, 5)}`)),
    h('p', {}, h('a', { id: 'measure-on-map', href: `#/map?markers=${encodeURIComponent(id)}` }, 'Colour the map\u2019s hospital markers by this measure')),
    ranked.length > 0 ? histogram(detail, ranked.map((r) => r.value)) : h('p', { class: 'state empty' }, 'No hospital has a value of this measure.'),
    h('div', { class: 'two-columns' },
      h('section', {}, h('h2', {}, neutral ? 'Highest values' : 'Best hospitals'),
        hospitalTable(`The ${listed} ${neutral ? 'highest' : 'best'}`, ranked.slice(0, listed), 'measure-best')),
      h('section', {}, h('h2', {}, neutral ? 'Lowest values' : 'Worst hospitals'),
        hospitalTable(`The ${listed} ${neutral ? 'lowest' : 'worst'}`, ranked.slice(-listed).reverse(), 'measure-worst'))),
    h('h2', {}, 'States'),
    stateRanking(detail, stateNames));
};
