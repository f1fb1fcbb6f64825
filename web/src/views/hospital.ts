// Hospital detail (its star rating with the measure-group breakdown, its measures in tabs, its state, its
// nearest neighbours) and the side-by-side comparison of up to three hospitals, as Care Compare shows them.

import type { ObjectEnvelope } from '../api';
import { formatNumber } from '../transforms/format';
import type { Comparison, Hospital, HospitalDetail, MeasureGroup } from '../types';
import { h, replace } from '../ui/dom';
import { showLoading } from '../ui/states';
import { dataTable, scrollableTabIndex } from '../ui/table';
import { compareLimit, parseCompareIds, withoutCompared } from '../transforms/compareList';
import { allHospitals, cachedJson, type View } from '../view';
import { comparePicker } from './comparePicker';
import { comparedMeasuresSection } from './compareMeasures';
import { hospitalMeasuresSection } from './hospitalMeasures';
import { hospitalExplanationSection } from './ratingExplanation';

const groups: [keyof Hospital['rating_breakdown'], string][] = [
  ['mortality', 'Mortality'], ['safety', 'Safety of care'], ['readmission', 'Readmission'],
  ['patient_experience', 'Patient experience'], ['timely_effective', 'Timely and effective care'],
];

/** CMS's reasons for not rating a hospital, by footnote code (Care Compare footnote list). */
const footnotes: Record<string, string> = {
  '5': 'results are not available for this reporting period',
  '16': 'there are too few measures or measure groups reported to calculate a star rating',
  '19': 'data are shown only for hospitals that participate in the Inpatient Quality Reporting program',
  '22': 'overall star ratings are not calculated for Department of Veterans Affairs or Department of Defense hospitals',
  '23': 'the data are based on claims that the hospital or CMS has identified as inaccurate',
};

function ratingText(hospital: Hospital): string {
  if (hospital.rating !== null) return `${hospital.rating} of 5 stars`;
  const reasons = (hospital.rating_footnote ?? '').split(',').map((c) => c.trim()).filter(Boolean)
    .map((code) => footnotes[code] ?? `CMS footnote ${code}`);
  return `Not rated by CMS${reasons.length ? `: ${reasons.join('; ')}` : ''}`;
}

function breakdownTable(caption: string, hospitals: Hospital[]): HTMLTableElement {
  return h('table', { class: 'data breakdown', tabindex: scrollableTabIndex },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Measure group'), hospitals.map((x) => h('th', { scope: 'col' }, x.name)))),
    h('tbody', {}, groups.map(([key, label]) => h('tr', {},
      h('th', { scope: 'row' }, label),
      hospitals.map((x) => h('td', {}, groupText(x.rating_breakdown?.[key])))))));
}

function groupText(group: MeasureGroup | undefined): string {
  if (!group || group.facility_measures === null) return 'not reported';
  const base = `${group.facility_measures} of ${group.measures ?? '?'} measures reported`;
  if (group.better === undefined || group.better === null) return base;
  return `${base}: ${group.better} better, ${group.no_different} no different, ${group.worse} worse than national`;
}

/** The hospital detail view (?id=CMS id). */
export const hospital: View = async (main, context) => {
  const id = context.params.get('id') ?? '';
  showLoading(main, `hospital ${id}`);
  const detail = (await cachedJson<ObjectEnvelope<HospitalDetail>>(`/api/v1/hospitals/${encodeURIComponent(id)}`)).data;
  const x = detail.hospital;
  if (x.id !== id) {
    // The API redirected a CCN without its leading zeros (50137 as spreadsheets hold it): show the canonical URL.
    const params = new URLSearchParams(context.params);
    params.set('id', x.id);
    history.replaceState(null, '', `#/hospital?${params}`);
  }
  const [measures, explanation] = await Promise.all([hospitalMeasuresSection(x.id, context.params.get('tab')), hospitalExplanationSection(x.id)]);
  replace(main,
    h('h1', {}, x.name),
    h('p', { class: 'lead' }, `${x.address ?? ''}, ${x.city}, ${x.state} ${x.zip ?? ''} · ${x.phone ?? ''}`),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Overall rating'), h('dd', { id: 'hospital-rating' }, ratingText(x)),
      h('dt', {}, 'Type'), h('dd', {}, x.type),
      h('dt', {}, 'Ownership'), h('dd', {}, x.ownership),
      h('dt', {}, 'Emergency services'), h('dd', {}, x.emergency_services ? 'Yes' : 'No'),
      h('dt', {}, 'Birthing-friendly'), h('dd', {}, x.birthing_friendly ? 'Yes' : 'No'),
      h('dt', {}, 'Beds (HIFLD)'), h('dd', {}, x.beds ?? 'unknown'),
      h('dt', {}, 'State'), h('dd', {}, h('a', { href: `#/state?code=${detail.state_context.code}` }, detail.state_context.name),
        ` — mean rating ${formatNumber(detail.state_context.mean_rating)}`)),
    breakdownTable('Star-rating breakdown by measure group', [x]),
    measures,
    explanation,
    h('p', {},
      h('a', { href: `#/compare?ids=${[x.id, ...detail.nearest.slice(0, 2).map((n) => n.id)].join(',')}` }, 'Compare with the two nearest hospitals'),
      ' · ', h('a', { href: `#/compare?ids=${x.id}`, id: 'add-to-compare' }, 'Compare with hospitals of your choice'),
      ' · ', h('a', { href: `#/predict?facility_id=${x.id}` }, 'What-if prediction for this hospital')),
    h('h2', {}, 'Nearest hospitals'),
    dataTable('The five nearest hospitals', [
      { header: 'Name', value: (n: Hospital) => h('a', { href: `#/hospital?id=${n.id}` }, n.name) },
      { header: 'City', value: (n) => n.city },
      { header: 'Rating', value: (n) => n.rating, numeric: true },
      { header: 'Distance', value: (n) => `${formatNumber(n.distance_km ?? null)} km`, numeric: true },
    ], detail.nearest));
};

/** The comparison view (?ids=a,b,c): the hospitals' facts, their measure groups and their measures; with no ids,
 * a picker. Ids beyond three are named as left out, never dropped silently. */
export const compare: View = async (main, context) => {
  const chosen = parseCompareIds(context.params.get('ids'));
  const ids = chosen.slice(0, compareLimit), leftOut = chosen.slice(compareLimit);
  const go = (next: string[]) => context.go('compare', { ids: next.length ? next.join(',') : undefined });
  showLoading(main, 'the comparison');
  const everyHospital = await allHospitals();
  const picker = comparePicker(everyHospital, ids, go);
  if (!ids.length) {
    replace(main, h('h1', {}, 'Compare hospitals'),
      h('p', { class: 'lead' }, 'Search for hospitals and add them: their ratings, measure groups and measures appear side by side.'),
      picker);
    return;
  }
  const body = (await cachedJson<ObjectEnvelope<Comparison>>(`/api/v1/hospitals/compare?ids=${ids.map(encodeURIComponent).join(',')}`)).data;
  const list = body.hospitals;
  const nameOf = (id: string) => everyHospital.find((x) => x.id === id)?.name ?? id;
  const row = (label: string, value: (x: Hospital) => string | number | null | undefined) =>
    h('tr', {}, h('th', { scope: 'row' }, label), list.map((x) => h('td', {}, value(x) ?? '—')));
  replace(main,
    h('h1', {}, 'Compare hospitals'),
    leftOut.length ? h('p', { class: 'note', id: 'compare-left-out', role: 'status' },
      `Compare shows up to ${compareLimit} hospitals; left out: ${leftOut.map(nameOf).join(', ')}.`) : null,
    h('table', { class: 'data compare', id: 'compare-table' },
      h('caption', {}, 'Hospitals side by side'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), list.map((x) => h('th', { scope: 'col' },
        h('a', { href: `#/hospital?id=${x.id}` }, x.name), ' ',
        h('button', { type: 'button', class: 'remove-compare', 'data-id': x.id, 'aria-label': `Remove ${x.name}`,
          onclick: () => go(withoutCompared(ids, x.id)) }, 'Remove'))))),
      h('tbody', {},
        row('City', (x) => `${x.city}, ${x.state}`), row('Overall rating', ratingText), row('Type', (x) => x.type),
        row('Ownership', (x) => x.ownership), row('Emergency services', (x) => (x.emergency_services ? 'Yes' : 'No')),
        row('Beds', (x) => x.beds))),
    breakdownTable('Measure groups side by side', list),
    comparedMeasuresSection(body, context.params.get('tab')),
    picker);
};
