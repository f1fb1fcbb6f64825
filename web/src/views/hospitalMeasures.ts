// A hospital's quality, spending and payment measures in tabs, as Care Compare groups them: each measure
// against the state and national values with a plain verdict, CMS's footnote text when there is no
// value, and the period it covers.

import type { ObjectEnvelope } from '../api';
import { formatNumber } from '../transforms/format';
import { h } from '../ui/dom';
import { dataTable } from '../ui/table';
import { tabs, type Tab } from '../ui/tabs';
import { cachedJson } from '../view';
import type { HospitalMeasure, HospitalMeasures } from '../types';

/** The measure groups in Care Compare's order, with their tab labels. */
export const groupTabs: [string, string][] = [
  ['readmission', 'Readmissions'], ['mortality', 'Mortality'], ['safety', 'Safety and infections'],
  ['patient_experience', 'Patient experience'], ['value_based_purchasing', 'Value-based purchasing'],
  ['spending', 'Spending'], ['payment', 'Medicare payments'],
];

/** A plain verdict: CMS's own wording when it gives one, else the value against the national value. */
export function verdict(m: HospitalMeasure): string {
  if (m.value === null) return `No value (${m.missing_reason ?? 'not given'})${m.footnote_text ? `: ${m.footnote_text.join(' ')}` : ''}`;
  if (m.comparison) return m.comparison;
  if (m.direction === 'neutral' || m.national === null) return '—';
  if (m.value === m.national) return 'Same as the national value';
  const better = m.direction === 'lower_is_better' ? m.value < m.national : m.value > m.national;
  const share = m.percentile === null ? '' : ` (${Math.round(m.direction === 'lower_is_better' ? 100 - m.percentile : m.percentile)}th percentile, higher is better)`;
  return `${better ? 'Better' : 'Worse'} than the national value${share}`;
}

function period(m: HospitalMeasure): string {
  const dates = m.period.start && m.period.end ? `${m.period.start} to ${m.period.end}` : '';
  const program = m.period.fiscal_year === null ? '' : `FY${m.period.fiscal_year} program`;
  return [dates, program].filter(Boolean).join(', ') || '—';
}

function measureTable(label: string, rows: HospitalMeasure[]): HTMLTableElement {
  return dataTable(label, [
    { header: 'Measure', value: (m: HospitalMeasure) => m.name },
    { header: 'This hospital', value: (m) => formatNumber(m.value, 8), numeric: true },
    { header: 'State', value: (m) => formatNumber(m.state, 5), numeric: true },
    { header: 'National', value: (m) => formatNumber(m.national, 5), numeric: true },
    { header: 'Verdict', value: verdict },
    { header: 'Cases or surveys', value: (m) => formatNumber(m.denominator, 6), numeric: true },
    { header: 'Period', value: period },
  ], rows);
}

// The rows a group leads with (HRRP's excess ratios, the survey's star ratings, HAC's ratios without their
// z-scores, VBP's unweighted scores); the group's other figures
// are folded below them.
export const headline: Record<string, (m: { measure_id: string }) => boolean> = {
  readmission: (m) => m.measure_id.endsWith('-HRRP'),
  patient_experience: (m) => m.measure_id.endsWith('STAR_RATING'),
  safety: (m) => !m.measure_id.endsWith('-WZ'),
  value_based_purchasing: (m) => !m.measure_id.endsWith('-WEIGHTED'),
};

function groupPanel(group: string, label: string, rows: HospitalMeasure[]): Node {
  if (rows.length === 0) return h('p', { class: 'state empty' }, `No ${label.toLowerCase()} measures for this hospital in this dataset.`);
  const leads = headline[group] ?? (() => true);
  const first = rows.filter(leads);
  const rest = rows.filter((m) => !leads(m));
  return h('div', {},
    measureTable(`${label}: this hospital against its state and the nation`, first),
    rest.length > 0 && h('details', {}, h('summary', {}, `${rest.length} more ${label.toLowerCase()} figures`),
      measureTable(`${label}: every other figure`, rest)));
}

/** The measures section of the hospital page, the tab `selected` open (readmissions by default). */
export async function hospitalMeasuresSection(id: string, selected: string | null): Promise<HTMLElement> {
  const body = (await cachedJson<ObjectEnvelope<HospitalMeasures>>(`/api/v1/hospitals/${encodeURIComponent(id)}/measures`)).data;
  const items: Tab[] = groupTabs
    .map(([group, label]) => ({ id: group, label, panel: () => groupPanel(group, label, body.measures.filter((m) => m.group === group)) }));
  return h('section', { id: 'hospital-measures' },
    h('h2', {}, 'Quality, spending and payment measures'),
    h('p', { class: 'note' }, 'CMS values as published; "state" and "national" are medians of hospitals unless CMS publishes the value.'),
    tabs('Measure groups', items, selected ?? 'readmission'));
}
