// What moves a hospital's predicted star: the rating model's base value and the inputs that push the
// prediction up or down (XGBoost's contributions), as a sentence and a table.

import { ApiError, type ObjectEnvelope } from '../api';
import { formatNumber } from '../transforms/format';
import { h } from '../ui/dom';
import { dataTable } from '../ui/table';
import { cachedJson, measureCatalogue } from '../view';
import type { RatingExplanation, RatingPrediction } from '../types';

const groupLabels: Record<string, string> = {
  readmission: 'readmissions', mortality: 'mortality', safety: 'safety and infections',
  patient_experience: 'patient experience', spending: 'spending', measure_group_counts: 'measure-group counts',
  area_context: 'state and county context', hospital: 'type, ownership and services',
};

function signed(stars: number): Node {
  return h('span', { class: stars >= 0 ? 'push-up' : 'push-down' }, `${stars >= 0 ? '+' : '−'}${formatNumber(Math.abs(stars))}`);
}

/** The explanation as a lead sentence, the inputs table and the sum per group; measure inputs are shown
 * by their CMS names. */
export async function explanationSection(explanation: RatingExplanation, prediction: number): Promise<HTMLElement> {
  const names = new Map((await measureCatalogue()).map((m) => [m.id, m.name]));
  const groups = Object.entries(explanation.by_group).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return h('div', { class: 'explanation' },
    h('p', {}, `The model starts from ${formatNumber(explanation.base_value)} stars (its average) and ends at `,
      h('strong', {}, formatNumber(prediction)), `; the inputs below move it, largest first (${explanation.inputs.length} shown, `,
      'the rest together ', signed(explanation.others), ').'),
    dataTable('What moves this star: each input\u2019s contribution in stars (XGBoost feature contributions)', [
      { header: 'Input', value: (r: RatingExplanation['inputs'][number]) => names.get(r.input) ?? r.input.replace(/_/g, ' ') },
      { header: 'Group', value: (r) => groupLabels[r.group] ?? r.group },
      { header: 'Value', value: (r) => (typeof r.value === 'number' ? formatNumber(r.value, 6) : r.value ?? 'missing'), numeric: true },
      { header: 'Moves the star by', value: (r) => signed(r.contribution), numeric: true },
    ], explanation.inputs),
    h('p', { class: 'note' }, 'By group: ', groups.map(([group, stars], i) => h('span', {}, i ? '; ' : '', `${groupLabels[group] ?? group} `, signed(stars)))));
}

/** The hospital page's section: the model's star for the hospital as it is, beside CMS's, and what moves it. */
export async function hospitalExplanationSection(id: string): Promise<HTMLElement> {
  const section = h('section', { id: 'rating-explanation' }, h('h2', {}, 'What moves this star'));
  try {
    const body = (await cachedJson<ObjectEnvelope<RatingPrediction>>(`/api/v1/hospitals/${encodeURIComponent(id)}/rating-explanation`)).data;
    section.append(
      h('p', { class: 'lead' }, `The rating model (${body.model_version}) predicts ${formatNumber(body.prediction)} stars from this hospital\u2019s `,
        `own data; CMS rates it ${body.cms_rating === null ? 'not at all' : `${body.cms_rating} of 5`}.`),
      await explanationSection(body.explanation, body.prediction));
  } catch (error) {
    if (!(error instanceof ApiError && error.notComputed)) throw error;
    section.append(h('p', { class: 'note' }, 'No rating model is trained for this dataset yet (hci train).'));
  }
  return section;
}
