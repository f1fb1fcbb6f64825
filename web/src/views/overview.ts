// Overview: headline figures, the top-10 states by count and by mean rating, counts by type and
// ownership, and the rating distribution.

import { barFigure } from '../charts/bar';
import type { ListEnvelope, ObjectEnvelope } from '../api';
import { formatNumber, formatShare } from '../transforms/format';
import type { Dataset, Summary } from '../types';
import { h, replace } from '../ui/dom';
import { showLoading } from '../ui/states';
import { cachedJson, type View } from '../view';

function card(label: string, value: string, id: string): HTMLElement {
  return h('div', { class: 'kpi', id }, h('span', { class: 'kpi-value' }, value), h('span', { class: 'kpi-label' }, label));
}

/** The overview view. */
export const overview: View = async (main, context) => {
  showLoading(main, 'the overview');
  const [summary, datasets] = await Promise.all([
    cachedJson<ObjectEnvelope<Summary>>('/api/v1/dashboard/summary'),
    cachedJson<ListEnvelope<Dataset>>('/api/v1/datasets'),
  ]);
  const s = summary.data;
  const current = datasets.data.find((d) => d.is_current);
  const toState = (code: string) => () => context.go('state', { code });
  replace(main,
    h('h1', {}, 'US hospitals at a glance'),
    h('section', { class: 'kpis', 'aria-label': 'Headline figures' },
      card('hospitals (CMS)', formatNumber(s.hospitals), 'kpi-hospitals'),
      card('states and territories covered', formatNumber(s.states_covered), 'kpi-states'),
      card('rated by CMS', formatShare(s.rated_share), 'kpi-rated'),
      card('mean star rating', formatNumber(s.mean_rating), 'kpi-mean-rating'),
      card('with emergency services', formatShare(s.emergency_services_share), 'kpi-emergency'),
      card(`dataset ${current ? current.created_at.slice(0, 10) : ''}`, current ? current.version.slice(0, 12) : '—', 'kpi-dataset')),
    h('section', { class: 'grid-2' },
      barFigure('Top 10 states by number of hospitals', 'Hospitals',
        s.top_states_by_hospital_count.map((t) => ({ label: t.name, value: t.hospital_count })),
        (i) => toState(s.top_states_by_hospital_count[i].code)()),
      barFigure('Top 10 states by mean star rating', 'Mean rating',
        s.top_states_by_mean_rating.map((t) => ({ label: t.name, value: t.mean_rating })),
        (i) => toState(s.top_states_by_mean_rating[i].code)()),
      barFigure('Hospitals by type', 'Hospitals', s.by_type.map((t) => ({ label: t.value, value: t.count }))),
      barFigure('Hospitals by ownership', 'Hospitals', s.by_ownership.map((t) => ({ label: t.value, value: t.count }))),
      barFigure('Overall star rating', 'Hospitals', s.rating_distribution.map((r) => ({
        label: r.rating === null ? 'Not rated' : `${r.rating} star${r.rating > 1 ? 's' : ''}`, value: r.count })))),
  );
};
