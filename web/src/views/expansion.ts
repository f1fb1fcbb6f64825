// Medicaid expansion: what it did to the uninsured share and to enrollment. Trends of the states grouped by
// when they expanded, the difference-in-differences estimates with their 95% intervals, the event study,
// the adoption of every state, and the caveats.

import type { ObjectEnvelope } from '../api';
import { everyYear, linesFigure } from '../charts/lines';
import { mountChartNextFrame } from '../charts/mount';
import { okabeIto } from '../transforms/colors';
import { formatNumber, formatP } from '../transforms/format';
import type { ExpansionAnalysis, ExpansionOutcome } from '../types';
import { h, replace, select } from '../ui/dom';
import { showLoading } from '../ui/states';
import { dataTable, figure } from '../ui/table';
import { cachedJson, type View } from '../view';

type Estimate = ExpansionOutcome['estimates'][number];
type EventBin = ExpansionOutcome['event_study'][number];
type StateAdoption = ExpansionAnalysis['states'][number];

const interval = (ci: number[] | undefined) => (ci ? `${formatNumber(ci[0])} to ${formatNumber(ci[1])}` : '—');

function groupTrendsFigure(analysis: ExpansionAnalysis, outcome: ExpansionOutcome): HTMLElement {
  const years = everyYear(outcome.group_trends.flatMap((g) => g.values.map((v) => v.year)));
  const label = (group: string) => analysis.groups.find((g) => g.group === group)?.label ?? group;
  const rows = outcome.group_trends.flatMap((g) => g.values.map((v) => ({ group: label(g.group), ...v })));
  return linesFigure(`${outcome.label}: mean of the states in each group (${outcome.unit})`, 'expansion-trends', years,
    outcome.group_trends.map((g) => ({
      name: label(g.group), values: years.map((y) => g.values.find((v) => v.year === y)?.mean ?? null) })),
    dataTable('Group means by year', [
      { header: 'Group', value: (r: (typeof rows)[number]) => r.group },
      { header: 'Year', value: (r) => r.year },
      { header: 'Mean', value: (r) => formatNumber(r.mean), numeric: true },
      { header: 'States', value: (r) => r.states, numeric: true },
    ], rows));
}

function estimatesTable(outcome: ExpansionOutcome): HTMLElement {
  return dataTable(`Difference-in-differences: ${outcome.label} (${outcome.unit})`, [
    { header: 'Comparison', value: (e: Estimate) => e.label },
    { header: 'Effect', value: (e) => formatNumber(e.estimate?.effect), numeric: true },
    { header: '95% CI', value: (e) => interval(e.estimate?.ci_95), numeric: true },
    { header: 'p', value: (e) => formatP(e.estimate?.p_value), numeric: true },
    { header: 'State-years', value: (e) => e.observations, numeric: true },
    { header: 'States (expanded)', value: (e) => (e.states === undefined ? '—' : `${e.states} (${e.treated_states})`), numeric: true },
  ], outcome.estimates);
}

function eventStudyFigure(outcome: ExpansionOutcome): HTMLElement {
  const bins = outcome.event_study;
  const labels = bins.map((b) => (b.event_time > 0 ? `+${b.event_time}` : String(b.event_time)));
  const chartElement = h('div', { class: 'chart', id: 'expansion-event-study', role: 'img',
    'aria-label': 'Event study: effect by years since expansion with a 95% interval; the data table follows' });
  const element = figure(`Event study: ${outcome.label} by years since expansion (${outcome.unit}; −1 = reference; ends binned)`, chartElement,
    dataTable('Effect by years since expansion', [
      { header: 'Years since expansion', value: (b: EventBin) => (b.reference ? `${b.event_time} (reference)` : b.event_time) },
      { header: 'Effect', value: (b) => formatNumber(b.effect), numeric: true },
      { header: '95% CI', value: (b) => interval(b.ci_95), numeric: true },
      { header: 'p', value: (b) => (b.reference ? '—' : formatP(b.p_value)), numeric: true },
      { header: 'Expanded state-years', value: (b) => b.observations, numeric: true },
    ], bins));
  const low = bins.map((b) => b.ci_95?.[0] ?? b.effect);
  mountChartNextFrame(chartElement, {
    grid: { left: 8, right: 24, top: 24, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, name: 'years since expansion', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', scale: true },
    series: [
      { type: 'line', name: 'low', stack: 'ci', data: low, lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
      { type: 'line', name: '95% interval', stack: 'ci', data: bins.map((b, i) => (b.ci_95?.[1] ?? b.effect) - low[i]),
        lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: okabeIto[1], opacity: 0.3 } },
      { type: 'line', name: 'effect', data: bins.map((b) => b.effect), itemStyle: { color: okabeIto[4] },
        markLine: { silent: true, symbol: 'none', label: { show: false }, data: [{ yAxis: 0 }],
          lineStyle: { color: '#555', type: 'dashed' } } },
    ],
  });
  return element;
}

function adoptionTable(analysis: ExpansionAnalysis): HTMLElement {
  const label = (group: string) => analysis.groups.find((g) => g.group === group)?.label ?? group;
  return dataTable('Each state: group, first report of its final expanded run, first treated year', [
    { header: 'State', value: (s: StateAdoption) => h('a', { href: `#/state?code=${s.state}` }, s.state) },
    { header: 'Group', value: (s) => label(s.group) },
    { header: 'Expanded since (report)', value: (s) => s.expanded_since ?? 'not expanded' },
    { header: 'Treated from', value: (s) => s.adoption_year ?? '—', numeric: true },
  ], analysis.states);
}

/** The Medicaid expansion view (?outcome=uninsured_share). */
export const expansion: View = async (main, context) => {
  showLoading(main, 'the Medicaid expansion analysis');
  const analysis = (await cachedJson<ObjectEnvelope<ExpansionAnalysis>>('/api/v1/analytics/medicaid-expansion')).data;
  const chosen = context.params.get('outcome');
  const outcome = analysis.outcomes.find((o) => o.indicator === chosen) ?? analysis.outcomes[0];
  const headline = outcome.estimates[0]?.estimate;
  replace(main,
    h('h1', {}, 'What Medicaid expansion did'),
    h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
      select('Outcome', analysis.outcomes.map((o) => [o.indicator, o.label]), outcome.indicator,
        (value) => context.go('expansion', { outcome: value }), 'expansion-outcome')),
    headline ? h('p', { class: 'lead', id: 'expansion-headline' },
      `${outcome.label}: expansion is associated with a change of ${formatNumber(headline.effect)} ${outcome.unit} `,
      `(95% CI ${interval(headline.ci_95)}, p ${formatP(headline.p_value)}; all states, state and year fixed effects, `,
      'standard errors clustered by state).') : h('p', { class: 'state empty' }, 'The panel cannot identify an estimate.'),
    outcome.missing_years.length ? h('p', { class: 'note' }, `No values for ${outcome.missing_years.join(', ')}: the chart shows the gap.`) : null,
    groupTrendsFigure(analysis, outcome),
    h('section', {}, h('h2', {}, 'Estimates'), estimatesTable(outcome)),
    h('section', {}, h('h2', {}, 'Event study'), eventStudyFigure(outcome)),
    h('section', {}, h('h2', {}, 'Caveats'), h('ul', { id: 'expansion-caveats' }, analysis.caveats.map((c) => h('li', {}, c)))),
    h('section', {}, h('h2', {}, 'How states are grouped'), h('p', {}, analysis.adoption_rule),
      h('details', {}, h('summary', {}, 'Every state'), adoptionTable(analysis))),
    h('p', { class: 'source' }, `Method: ${analysis.method} Sources: KFF from the ACS (uninsured share), data.medicaid.gov (enrollment and expansion flag).`),
  );
};
