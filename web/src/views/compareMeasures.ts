// The measures of up to three hospitals side by side, in Care Compare's group tabs: each hospital's value
// with its verdict against the nation, the national value and the period.

import { formatNumber } from '../transforms/format';
import type { Comparison, Hospital, HospitalMeasure } from '../types';
import { h } from '../ui/dom';
import { scrollableTabIndex } from '../ui/table';
import { tabs, type Tab } from '../ui/tabs';
import { groupTabs, headline, verdict } from './hospitalMeasures';

/** One measure of the comparison, a value per hospital. */
type ComparedMeasure = Comparison['measures'][number];

function cell(value: HospitalMeasure | null): Node | string {
  if (value === null) return 'not reported';
  return h('span', {}, h('strong', {}, formatNumber(value.value, 8)), h('br'), h('small', {}, verdict(value)));
}

function national(measure: ComparedMeasure): string {
  const known = measure.values.find((v) => v !== null);
  return known ? formatNumber(known.national, 5) : '—';
}

function groupPanel(label: string, hospitals: Hospital[], rows: ComparedMeasure[]): Node {
  if (rows.length === 0) return h('p', { class: 'state empty' }, `None of these hospitals reports ${label.toLowerCase()} measures.`);
  return h('table', { class: 'data compare-measures', tabindex: scrollableTabIndex },
    h('caption', {}, `${label}: the hospitals side by side, each against the nation`),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Measure'),
      hospitals.map((x) => h('th', { scope: 'col' }, x.name)),
      h('th', { scope: 'col', class: 'num' }, 'National'))),
    h('tbody', {}, rows.map((m) => h('tr', { 'data-measure': m.measure_id },
      h('th', { scope: 'row' }, m.name),
      m.values.map((v) => h('td', {}, cell(v))),
      h('td', { class: 'num' }, national(m))))));
}

/** The measures section of the comparison, the tab `selected` open (readmissions by default); each tab shows
 * the group's headline measures (as the hospital page leads with them). */
export function comparedMeasuresSection(body: Comparison, selected: string | null): HTMLElement {
  const items: Tab[] = groupTabs.map(([group, label]) => ({
    id: group,
    label,
    panel: () => groupPanel(label, body.hospitals,
      body.measures.filter((m) => m.group === group && (headline[group] ?? (() => true))(m))),
  }));
  return h('section', { id: 'compare-measures' },
    h('h2', {}, 'Measures side by side'),
    tabs('Measure groups', items, selected ?? 'readmission'));
}
