// State detail: indicators over the years, Medicaid expansion and monthly enrollment, ranks on every metric,
// cluster, and its hospitals.

import type { ListEnvelope, ObjectEnvelope } from '../api';
import { everyYear, linesFigure } from '../charts/lines';
import { formatNumber, formatWithUnit } from '../transforms/format';
import { jumpText, largestJump, scaled } from '../transforms/indicatorPanel';
import type { Hospital, IndicatorCatalog, IndicatorSeries, IndicatorValue, MetricTable, MonthlyIndicatorPanel, StateDetail } from '../types';
import { h, replace, select } from '../ui/dom';
import { showLoading } from '../ui/states';
import { dataTable } from '../ui/table';
import { cachedJson, type View } from '../view';
import { showStateList, statePicker, stateSummaries } from './stateList';

/** A state's value and rank of one metric. */
type RankEntry = NonNullable<StateDetail['profile']>['metrics'][string];

/** How the state page names and shows an indicator: the catalogue's label, display unit and scale. */
type IndicatorAbout = NonNullable<IndicatorCatalog['indicators'][number]['about']>;

function indicatorFigure(name: string, about: IndicatorAbout | undefined, series: IndicatorSeries, stateName: string): HTMLElement {
  const years = everyYear(series.values.map((v) => v.year));
  const label = about?.label ?? name;
  const unit = about?.display_unit ?? series.unit;
  const display = (value: number | null | undefined) => scaled(value, about?.scale ?? 1);
  const note = jumpText(largestJump(series.values), stateName);
  const figureElement = linesFigure(`${label} (${unit})`, 'state-indicator-chart', years,
    [{ name: label, values: years.map((y) => display(series.values.find((v) => v.year === y)?.value)) }],
    dataTable(label, [
      { header: 'Year', value: (v: IndicatorValue) => v.year },
      { header: 'Value', value: (v) => v.value === null ? (v.missing_reason ?? '') : formatWithUnit(display(v.value), unit), numeric: true },
    ], series.values));
  if (note) figureElement.append(h('p', { class: 'note', id: 'state-indicator-jump' }, note));
  return figureElement;
}

// The state's Medicaid expansion history as CMS's monthly reports flag it, in one sentence.
function expansionText(expansion: StateDetail['medicaid_expansion']): string {
  if (!expansion) return 'No Medicaid and CHIP monthly reports for this jurisdiction.';
  if (!expansion.expanded) return `Medicaid not expanded as of the ${expansion.as_of} report.`;
  return expansion.expanded_at_first_monthly_report
    ? `Medicaid expanded since before the first monthly report (${expansion.expanded_since}); the analysis dates it 2014.`
    : `Medicaid expanded since the ${expansion.expanded_since} report (latest report ${expansion.as_of}).`;
}

function monthlyEnrollmentFigure(panel: MonthlyIndicatorPanel, code: string): HTMLElement | null {
  const series = panel.series.find((s) => s.state === code);
  if (!series) return null;
  type Row = (typeof series.values)[number];
  return linesFigure(`Medicaid and CHIP enrollment, monthly reports (${panel.unit})`, 'state-monthly-enrollment',
    series.values.map((v) => v.month), [{ name: series.name, values: series.values.map((v) => v.value) }],
    dataTable('Monthly Medicaid and CHIP enrollment (Updated report, else Preliminary)', [
      { header: 'Month', value: (v: Row) => v.month },
      { header: 'Enrollment', value: (v) => formatNumber(v.value), numeric: true },
      { header: 'Report', value: (v) => (v.preliminary ? 'Preliminary' : 'Updated') },
    ], series.values));
}

/** The state detail view (?code=TX); without a code, the list of states. */
export const state: View = async (main, context) => {
  const code = (context.params.get('code') ?? '').toUpperCase();
  const go = (chosen: string) => context.go('state', { code: chosen });
  showLoading(main, code ? `state ${code}` : 'the states');
  if (!code) return showStateList(main, await stateSummaries(), go);
  const [states, detail, hospitals, enrollment, catalog, metrics] = await Promise.all([
    stateSummaries(),
    cachedJson<ObjectEnvelope<StateDetail>>(`/api/v1/states/${encodeURIComponent(code)}`),
    cachedJson<ListEnvelope<Hospital>>(`/api/v1/hospitals?state=${encodeURIComponent(code)}&sort=-rating&limit=50`),
    cachedJson<ObjectEnvelope<MonthlyIndicatorPanel>>('/api/v1/indicators/medicaid_chip_enrollment/monthly').catch(() => null),
    cachedJson<ObjectEnvelope<IndicatorCatalog>>('/api/v1/indicators'),
    cachedJson<ObjectEnvelope<MetricTable>>('/api/v1/analytics/metrics?level=state').catch(() => null),
  ]);
  const about = new Map(catalog.data.indicators.flatMap((i) => (i.about ? [[i.indicator, i.about] as const] : [])));
  const metricOf = new Map((metrics?.data.metrics ?? []).map((m) => [m.name, m]));
  const s = detail.data;
  const names = Object.keys(s.indicators).sort();
  let indicator = context.params.get('indicator') ?? (names.includes('aca_marketplace_benchmark_premium') ? 'aca_marketplace_benchmark_premium' : names[0]);
  const chartSlot = h('div', {});
  const drawIndicator = () => replace(chartSlot,
    s.indicators[indicator] ? indicatorFigure(indicator, about.get(indicator), s.indicators[indicator], s.name) : null);
  const ranks = Object.entries(s.profile?.metrics ?? {});
  replace(main,
    h('h1', {}, s.name),
    statePicker(states, s.code, go),
    h('p', { class: 'lead' },
      `${formatNumber(s.hospital_count)} hospitals, ${formatNumber(s.rated_count)} rated, mean rating ${formatNumber(s.mean_rating)}, `,
      `${formatNumber(s.hospitals_per_100k)} per 100k people.`,
      s.cluster ? h('span', {}, ' Cluster: ', h('a', { href: '#/clusters' }, `${s.cluster.cluster} — ${s.cluster.label}`), '.') : ''),
    h('section', {},
      h('h2', {}, 'Indicators over the years'),
      names.length ? select('Indicator', names.map((n): [string, string] => [n, about.get(n)?.label ?? n]).sort((a, b) => a[1].localeCompare(b[1])), indicator,
        (value) => { indicator = value; context.update({ code, indicator }); drawIndicator(); }, 'state-indicator') : h('p', {}, 'No indicators.'),
      chartSlot),
    h('section', {},
      h('h2', {}, 'Medicaid'),
      h('p', { id: 'state-expansion' }, expansionText(s.medicaid_expansion), ' ', h('a', { href: '#/expansion' }, 'What expansion did')),
      enrollment ? monthlyEnrollmentFigure(enrollment.data, s.code) : null),
    h('section', {},
      h('h2', {}, 'Ranks among states and territories'),
      ranks.length ? dataTable(`${s.name}: rank on each metric (1 = best, or largest where no direction)`, [
        { header: 'Metric', value: ([name]: [string, RankEntry]) => metricOf.get(name)?.label ?? name, sortKey: ([name]) => metricOf.get(name)?.label ?? name },
        { header: 'Value', value: ([name, r]) => formatWithUnit(r.value, metricOf.get(name)?.unit ?? ''), numeric: true },
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
