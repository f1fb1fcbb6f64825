// County snapshot like County Health Rankings': every measure with its 95% interval, the state's and the
// nation's value, the top performers' benchmark and the county's rank in its state, and its hospitals.
// Without a county, a search by name.

import type { ObjectEnvelope } from '../api';
import { formatNumber, formatWithUnit } from '../transforms/format';
import type { CountyProfile, HospitalSummary, MetricTable } from '../types';
import { h, replace } from '../ui/dom';
import { showLoading } from '../ui/states';
import { dataTable } from '../ui/table';
import { allHospitals, cachedJson, type View } from '../view';
import { countySearch } from './countySearch';

type CountyMeasure = CountyProfile['measures'][number];

// NCHS 2013 urban-rural classification, codes 1 (most urban) to 6.
const urbanRuralClasses = ['', 'large central metro', 'large fringe metro', 'medium metro', 'small metro', 'micropolitan', 'noncore (rural)'];

/** "better", "worse" or "same" than the state by the measure's direction; "higher"/"lower" where it has none. */
function againstState(m: CountyMeasure): string {
  if (m.value === null || m.state_value === null) return '';
  if (m.value === m.state_value) return 'same';
  const higher = m.value > m.state_value;
  if (m.direction === 'neutral') return higher ? 'higher' : 'lower';
  return higher === (m.direction === 'higher_is_better') ? 'better' : 'worse';
}

function valueWithInterval(m: CountyMeasure): string {
  const value = formatWithUnit(m.value, m.unit);
  return m.ci_95 ? `${value} (${formatNumber(m.ci_95[0])} to ${formatNumber(m.ci_95[1])})` : value;
}

function measuresTable(county: CountyProfile): HTMLElement {
  return dataTable(`${county.name}, ${county.state}: County Health Rankings measures (value with 95% interval where published)`, [
    { header: 'Measure', value: (m: CountyMeasure) => m.label, sortKey: (m) => m.label },
    { header: 'County', value: valueWithInterval, numeric: true },
    { header: 'Against the state', value: againstState, sortKey: againstState },
    { header: 'State', value: (m) => formatWithUnit(m.state_value, m.unit), numeric: true },
    { header: 'United States', value: (m) => formatWithUnit(m.national_value, m.unit), numeric: true },
    { header: 'Top performers', value: (m) => formatWithUnit(m.national_benchmark, m.unit), numeric: true },
    { header: 'Rank in state', value: (m) => (m.rank_in_state ? `${m.rank_in_state.rank} of ${m.rank_in_state.of}${m.rank_in_state.tied ? ' (tied)' : ''}` : ''),
      numeric: true, sortKey: (m) => (m.rank_in_state ? m.rank_in_state.rank / m.rank_in_state.of : null) },
  ], county.measures);
}

function hospitalsTable(county: CountyProfile, hospitals: Map<string, HospitalSummary>): HTMLElement {
  const listed = county.hospital_ids.map((id) => hospitals.get(id)).filter((x): x is HospitalSummary => x !== undefined);
  if (!listed.length) return h('p', {}, 'No CMS hospital in this county.');
  return dataTable(`Hospitals in ${county.name}`, [
    { header: 'Name', value: (x: HospitalSummary) => h('a', { href: `#/hospital?id=${x.id}` }, x.name), sortKey: (x) => x.name },
    { header: 'City', value: (x) => x.city, sortKey: (x) => x.city },
    { header: 'Type', value: (x) => x.type },
    { header: 'Rating', value: (x) => (x.rating === null ? 'not rated' : x.rating), numeric: true, sortKey: (x) => x.rating },
  ], listed);
}

function leadText(county: CountyProfile): string {
  const model = county.life_expectancy_model;
  return `Population ${formatNumber(county.population)}; NCHS class ${county.urban_rural_code} ` +
    `(${urbanRuralClasses[county.urban_rural_code] ?? 'unknown'}); ${formatNumber(county.hospital_count)} CMS hospitals ` +
    `(${formatNumber(county.hospitals_per_100k)} per 100k); life expectancy ${formatWithUnit(county.life_expectancy, 'years')}` +
    (model ? ` (the model predicts ${formatWithUnit(model.predicted, 'years')} from the county's other measures).` : '.');
}

const measureNotes = 'State: County Health Rankings\' value for the whole state. Top performers: the value the best 10% of ' +
  'counties reach (the 90th percentile where higher is better, the 10th where lower is better). Rank in state: best first; ' +
  'counties with equal values share a rank.';

/** The county view (?fips=48201); without fips, the county search. */
export const county: View = async (main, context) => {
  const fips = context.params.get('fips') ?? '';
  showLoading(main, fips ? `county ${fips}` : 'the counties');
  const table = await cachedJson<ObjectEnvelope<MetricTable>>('/api/v1/analytics/metrics?level=county');
  if (!fips) {
    replace(main, h('h1', {}, 'Counties'),
      h('p', { class: 'lead' }, `${formatNumber(table.data.rows.length)} counties with County Health Rankings measures. `,
        'Type a name to open a county\'s snapshot.'),
      countySearch(table.data.rows));
    return;
  }
  const [{ data: profile }, hospitals] = await Promise.all([
    cachedJson<ObjectEnvelope<CountyProfile>>(`/api/v1/counties/${encodeURIComponent(fips)}`), allHospitals()]);
  replace(main,
    h('h1', {}, `${profile.name}, ${profile.state}`),
    h('p', { class: 'lead', id: 'county-lead' }, leadText(profile)),
    h('p', {}, h('a', { href: `#/state?code=${profile.state}` }, 'State page'), ' · ',
      h('a', { href: `#/access?state=${profile.state}` }, 'Distance to emergency care in the state'), ' · ',
      h('a', { href: '#/map?level=county' }, 'County map')),
    countySearch(table.data.rows),
    h('section', {}, h('h2', {}, 'Health measures'), h('p', { class: 'metric-info' }, measureNotes), measuresTable(profile)),
    h('section', {}, h('h2', {}, `Hospitals (${formatNumber(profile.hospital_ids.length)})`),
      hospitalsTable(profile, new Map(hospitals.map((x) => [x.id, x])))));
};
