// Predict: a form for the hospital-rating model; shows the prediction, what was imputed, and the model's
// cross-validated metrics. Predictions need an API key with the predict scope.

import { ApiError, postJson, setApiKey, type ObjectEnvelope } from '../api';
import { formatNumber } from '../transforms/format';
import { distinctValues } from '../transforms/hospitalFilters';
import { h, replace } from '../ui/dom';
import { showError } from '../ui/states';
import { allHospitals, cachedJson, measureCatalogue, type View } from '../view';
import { explanationSection } from './ratingExplanation';
import type { Model, RatingPrediction } from '../types';

const counts = ['mort', 'safety', 'readm'].flatMap((g) => [
  `count_of_facility_${g}_measures`, `count_of_${g}_measures_better`, `count_of_${g}_measures_no_different`, `count_of_${g}_measures_worse`,
]).concat(['count_of_facility_pt_exp_measures', 'count_of_facility_te_measures', 'beds']);

function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'field', for: control.id }, h('span', {}, label), control);
}

function choice(id: string, options: string[], value = ''): HTMLSelectElement {
  return h('select', { id, name: id }, h('option', { value: '' }, '(not given)'), options.map((o) => h('option', { value: o, selected: o === value }, o)));
}

/** The measure inputs of the model, named from the catalogue: [id, name]. */
async function measureInputs(model: Model | null): Promise<[string, string][]> {
  if (!model) return [];
  const names = new Map((await measureCatalogue()).map((m) => [m.id, m.name]));
  return model.features.numeric.filter((input) => names.has(input)).map((input) => [input, names.get(input) as string]);
}

function modelSummary(model: Model): HTMLElement {
  const sets = model.metrics.feature_sets ?? [];
  return h('div', {},
    h('p', { class: 'lead' },
      `Model ${model.version} (${model.algorithm}): ${model.metrics.folds}-fold cross-validated R² ${formatNumber(model.metrics.r2)}, `,
      `MAE ${formatNumber(model.metrics.mae)} stars; the rounded prediction equals the true rating for `,
      `${formatNumber(model.metrics.rounded_accuracy === undefined ? undefined : model.metrics.rounded_accuracy * 100)}% of ${formatNumber(model.metrics.n)} rated hospitals.`),
    sets.length > 1 ? h('p', { class: 'note' }, 'On the same folds: ', sets.map((set, i) =>
      h('span', {}, i ? '; ' : '', `${set.features}: R² ${formatNumber(set.r2)}, MAE ${formatNumber(set.mae)}`)), '.') : null);
}

/** The predict view (?facility_id= pre-fills a what-if on a real hospital). */
export const predict: View = async (main, context) => {
  const hospitals = await allHospitals();
  const model = await cachedJson<ObjectEnvelope<Model>>('/api/v1/models/rating').then((r) => r.data, (e) => e as Error);
  const measures = await measureInputs(model instanceof Error ? null : model);
  const modelSlot = h('section', { id: 'model-metrics' });
  const result = h('section', { id: 'prediction', 'aria-live': 'polite' });
  const key = h('input', { type: 'password', id: 'api-key', autocomplete: 'off', value: sessionStorage.getItem('hci-api-key') ?? '' }) as HTMLInputElement;
  const facility = h('input', { id: 'facility_id', name: 'facility_id', value: context.params.get('facility_id') ?? '', placeholder: 'e.g. 450056' }) as HTMLInputElement;
  const type = choice('hospital_type', distinctValues(hospitals, 'type'));
  const ownership = choice('hospital_ownership', distinctValues(hospitals, 'ownership'));
  const state = choice('state', distinctValues(hospitals, 'state'));
  const emergency = choice('emergency_services', ['true', 'false']);
  const birthing = choice('birthing_friendly', ['true', 'false']);
  const numbers = counts.map((name) => h('input', { type: 'number', min: 0, step: 1, id: name, name }) as HTMLInputElement);
  const measureFields = measures.map(([id]) => h('input', { type: 'number', step: 'any', id, name: id }) as HTMLInputElement);

  const body = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (facility.value.trim()) out.facility_id = facility.value.trim();
    for (const control of [type, ownership, state]) if (control.value) out[control.id] = control.value;
    for (const control of [emergency, birthing]) if (control.value) out[control.id] = control.value === 'true';
    for (const control of [...numbers, ...measureFields]) if (control.value !== '') out[control.id] = Number(control.value);
    return out;
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    sessionStorage.setItem('hci-api-key', key.value);
    setApiKey(key.value);
    replace(result, h('p', { class: 'state loading' }, 'Predicting…'));
    try {
      const answer = (await postJson<ObjectEnvelope<RatingPrediction>>('/api/v1/predict/hospital-rating', body())).data;
      replace(result,
        h('p', { class: 'prediction' }, 'Predicted overall rating: ', h('strong', { id: 'predicted-stars' }, formatNumber(answer.prediction)),
          ` stars (about ${answer.rating_estimate}); model ${answer.model_version}.`),
        answer.imputed.length ? h('p', {}, `Not given, so ${answer.imputation}: ${answer.imputed.join(', ')}.`) : null,
        await explanationSection(answer.explanation, answer.prediction));
    } catch (error) {
      if (error instanceof ApiError && error.problem?.errors?.length) {
        replace(result, h('div', { class: 'state error', role: 'alert' }, h('strong', {}, error.message),
          h('ul', {}, error.problem.errors.map((e) => h('li', {}, `${e.name}: ${e.problem}`)))));
      } else if (error instanceof ApiError && error.status === 401) {
        replace(result, h('p', { class: 'state error', role: 'alert' }, 'Predictions need an API key with the predict scope: ',
          h('code', {}, 'hci apikey create --name me --scopes read,predict')));
      } else {
        showError(result, error);
      }
    }
  };

  replace(main,
    h('h1', {}, 'Predict a hospital’s star rating'),
    modelSlot,
    h('form', { class: 'predict', id: 'predict-form', onsubmit: (e) => void submit(e) },
      field('API key (predict scope)', key),
      field('Facility ID (what-if on a real hospital)', facility),
      field('Hospital type', type), field('Ownership', ownership), field('State', state),
      field('Emergency services', emergency), field('Birthing-friendly', birthing),
      h('details', {}, h('summary', {}, 'Measure-group counts and beds'),
        h('div', { class: 'counts' }, numbers.map((n) => field(n.id.replace(/_/g, ' '), n)))),
      measureFields.length > 0 && h('details', { id: 'measure-inputs' },
        h('summary', {}, 'Measure values (what-if: given values replace the hospital\u2019s own)'),
        h('div', { class: 'counts' }, measureFields.map((input, i) => field(measures[i][1], input)))),
      h('button', { type: 'submit' }, 'Predict')),
    result);
  if (model instanceof Error) showError(modelSlot, model);
  else replace(modelSlot, modelSummary(model));
};
