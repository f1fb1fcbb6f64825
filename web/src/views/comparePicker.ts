// The hospital picker of Compare: search by name, city, state or CMS id and add up to three hospitals.

import { compareLimit, withCompared } from '../transforms/compareList';
import { matchingWords } from '../transforms/wordSearch';
import type { HospitalSummary } from '../types';
import { h, replace } from '../ui/dom';

const shownMatches = 12;

/** A search box with "Add" buttons; `go` opens Compare with the new list of ids. */
export function comparePicker(hospitals: HospitalSummary[], ids: string[], go: (ids: string[]) => void): HTMLElement {
  const full = ids.length >= compareLimit;
  const results = h('div', { id: 'compare-matches', 'aria-live': 'polite' });
  const input = h('input', { type: 'search', id: 'compare-search', placeholder: 'name, city, state or CMS id', autocomplete: 'off' }) as HTMLInputElement;
  const show = () => {
    const found = matchingWords(hospitals, input.value, (x) => `${x.name} ${x.city} ${x.state} ${x.id}`);
    if (!input.value.trim()) return replace(results);
    if (!found.length) return replace(results, h('p', { class: 'state empty' }, `No hospital matches "${input.value}".`));
    replace(results,
      h('p', {}, `${found.length} match${found.length === 1 ? '' : 'es'}${found.length > shownMatches ? `; the first ${shownMatches} are listed` : ''}.`),
      h('ul', { class: 'compare-matches' }, found.slice(0, shownMatches).map((x) => h('li', {},
        h('button', { type: 'button', class: 'add-compare', 'data-id': x.id, disabled: full || ids.includes(x.id),
          onclick: () => go(withCompared(ids, x.id)) }, ids.includes(x.id) ? 'Added' : 'Add'),
        ' ', `${x.name}, ${x.city}, ${x.state}`, x.rating === null ? ' (not rated)' : ` (${x.rating} stars)`))));
  };
  input.addEventListener('input', show);
  return h('section', { class: 'compare-picker', 'aria-label': 'Choose hospitals to compare' },
    h('h2', {}, ids.length ? 'Add a hospital' : 'Choose up to three hospitals'),
    h('p', { id: 'compare-limit' }, full
      ? `Compare holds up to ${compareLimit} hospitals: remove one to add another.`
      : `${ids.length} of ${compareLimit} chosen.`),
    h('label', { class: 'field', for: 'compare-search' }, h('span', {}, 'Find a hospital'), input),
    results);
}
