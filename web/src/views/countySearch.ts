// Finding a county by name: a search box listing the counties whose name and state hold every word typed.

import { matchingWords } from '../transforms/wordSearch';
import type { MetricTable } from '../types';
import { h, replace } from '../ui/dom';

const shownMatches = 20;

type CountyRow = MetricTable['rows'][number];

/** A search box over the counties of the county table; each match links to its county page. */
export function countySearch(counties: CountyRow[]): HTMLElement {
  const results = h('div', { id: 'county-matches', 'aria-live': 'polite' });
  const input = h('input', { type: 'search', id: 'county-search', placeholder: 'county name and state, e.g. Harris TX', autocomplete: 'off' }) as HTMLInputElement;
  input.addEventListener('input', () => {
    const found = matchingWords(counties, input.value, (c) => `${c.name} ${c.state}`);
    if (!input.value.trim()) return replace(results);
    if (!found.length) return replace(results, h('p', { class: 'state empty' }, `No county matches "${input.value}".`));
    replace(results,
      h('p', {}, `${found.length} match${found.length === 1 ? '' : 'es'}${found.length > shownMatches ? `; the first ${shownMatches} are listed` : ''}.`),
      h('ul', { class: 'area-matches' }, found.slice(0, shownMatches).map((c) =>
        h('li', {}, h('a', { href: `#/county?fips=${c.key}` }, `${c.name}, ${c.state}`)))));
  });
  return h('div', { class: 'area-search', role: 'search' },
    h('label', { class: 'field', for: 'county-search' }, h('span', {}, 'Find a county'), input), results);
}
