// The line that says how many hospitals are chosen for Compare and links to them, shared by the views that
// choose (the hospital table and the map).

import { compareLimit } from '../transforms/compareList';
import { h } from '../ui/dom';

/** "2 of 3 chosen to compare: compare them", or `hint` when none is chosen. */
export function compareSelection(chosen: string[], hint: string): HTMLElement | string {
  if (!chosen.length) return hint;
  return h('span', {}, `${chosen.length} of ${compareLimit} chosen to compare${chosen.length === compareLimit ? ' (the most Compare shows)' : ''}: `,
    h('a', { href: `#/compare?ids=${chosen.join(',')}`, id: 'compare-chosen' }, 'compare them'));
}
