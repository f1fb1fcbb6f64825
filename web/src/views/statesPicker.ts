// The states a trend chart draws: one checkbox per state, kept in the URL by the view that uses it.

import { h } from '../ui/dom';

/** A fieldset of state checkboxes; `change` gets the new list of codes. */
export function statesPicker(states: { state: string; name: string }[], chosen: string[], change: (next: string[]) => void): HTMLElement {
  return h('fieldset', { class: 'states-picker' }, h('legend', {}, 'States'),
    states.map((s) => h('label', { title: s.name }, h('input', { type: 'checkbox', value: s.state, checked: chosen.includes(s.state),
      onchange: (e) => {
        const box = e.target as HTMLInputElement;
        change(box.checked ? [...chosen, s.state] : chosen.filter((c) => c !== s.state));
      } }), s.state)));
}
