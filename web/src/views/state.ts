// State detail: indicators over the years, ranks on every metric, cluster, and its hospitals.

import type { ListEnvelope, ObjectEnvelope } from '../api';
import { mountChartNextFrame } from '../charts/mount';
import { viridis } from '../transforms/colors';
import { formatNumber } from '../transforms/format';
import type { Hospital, IndicatorSeries, IndicatorValue, StateDetail } from '../types';
import { h, replace, select } from '../ui/dom';
import { showLoading } from '../ui/states';
import { dataTable, figure } from '../ui/table';
import { cachedJson, type View } from '../view';

/** A state's value and rank of one metric. */
type RankEntry = NonNullable<StateDetail['profile']>['metrics'][string];

function indicatorFigure(name: string, series: IndicatorSeries): HTMLElement {
  const chartElement = h('div', { class: 'chart', role: 'img', 'aria-label': `${name} by year; the data table follows` });
  const element = figure(`${name.replace(/_/g, ' ')} (${series.unit})`, chartElement,
    dataTable(name, [
      { header: 'Year', value: (v: IndicatorValue) => v.year },
      { header: 'Value', value: (v) => v.value === null ? (v.missing_reason ?? '') : formatNumber(v.value), numeric: true },
    ], series.values));
  mountChartNextFrame(chartElement, {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: series.values.map((v) => v.year) },
    yAxis: { type: 'value', scale: true },
    series: [{ type: 'line', data: series.values.map((v) => v.value), itemStyle: { color: viridis[3] } }],
  });
  return element;
}

/** The state detail view (?code=TX). */
export const state: View = async (main, context) => {
  const code = (context.params.get('code') ?? '').toUpperCase();
  showLoading(main, `state ${code}`);
  const [detail, hospitals] = await Promise.all([
    cachedJson<ObjectEnvelope<StateDetail>>(`/api/v1/states/${encodeURIComponent(code)}`),
    cachedJson<ListEnvelope<Hospital>>(`/api/v1/hospitals?state=${encodeURIComponent(code)}&sort=-rating&limit=50`),
  ]);
  const s = detail.data;
  const names = Object.keys(s.indicators).sort();
  let indicator = context.params.get('indicator') ?? (names.includes('aca_marketplace_benchmark_premium') ? 'aca_marketplace_benchmark_premium' : names[0]);
  const chartSlot = h('div', {});
  const drawIndicator = () => replace(chartSlot, s.indicators[indicator] ? indicatorFigure(indicator, s.indicators[indicator]) : null);
  const ranks = Object.entries(s.profile?.metrics ?? {});
  replace(main,
    h('h1', {}, s.name),
    h('p', { class: 'lead' },
      `${formatNumber(s.hospital_count)} hospitals, ${formatNumber(s.rated_count)} rated, mean rating ${formatNumber(s.mean_rating)}, `,
      `${formatNumber(s.hospitals_per_100k)} per 100k people.`,
      s.cluster ? h('span', {}, ' Cluster: ', h('a', { href: '#/clusters' }, `${s.cluster.cluster} — ${s.cluster.label}`), '.') : ''),
    h('section', {},
      h('h2', {}, 'Indicators over the years'),
      names.length ? select('Indicator', names.map((n) => [n, n.replace(/_/g, ' ')]), indicator,
        (value) => { indicator = value; context.update({ code, indicator }); drawIndicator(); }, 'state-indicator') : h('p', {}, 'No indicators.'),
      chartSlot),
    h('section', {},
      h('h2', {}, 'Ranks among states and territories'),
      ranks.length ? dataTable(`${s.name}: rank on each metric (1 = best, or largest where no direction)`, [
        { header: 'Metric', value: ([name]: [string, RankEntry]) => name.replace(/^chr_/, '').replace(/_/g, ' ') },
        { header: 'Value', value: ([, r]) => formatNumber(r.value), numeric: true },
        { header: 'Rank', value: ([, r]) => `${r.rank} of ${r.of}${r.tied ? ' (tied)' : ''}`, numeric: true },
      ], ranks) : h('p', { class: 'state not-computed' }, 'Ranks are not computed yet: run hci analyze.')),
    h('section', {},
      h('h2', {}, `Hospitals (${formatNumber(hospitals.meta.total)})`),
      dataTable(`Hospitals in ${s.name}, best rated first (first 50)`, [
        { header: 'Name', value: (x: Hospital) => h('a', { href: `#/hospital?id=${x.id}` }, x.name) },
        { header: 'City', value: (x) => x.city },
        { header: 'Type', value: (x) => x.type },
        { header: 'Rating', value: (x) => x.rating, numeric: true },
      ], hospitals.data),
      h('p', {}, h('a', { href: `#/hospitals?state=${code}` }, `All ${formatNumber(hospitals.meta.total)} hospitals of ${s.name} in the table`))),
  );
  drawIndicator();
};
