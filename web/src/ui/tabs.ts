// Accessible tabs (WAI-ARIA tabs pattern): a tablist of buttons, one panel shown at a time, arrow keys move
// between tabs.

import { h } from './dom';

/** One tab: its id (for the URL and tests), its label and its panel's content. */
export interface Tab {
  id: string;
  label: string;
  panel: () => Node;
}

/** A tab set with `selected` (or the first tab) open; panels are built when first shown. */
export function tabs(label: string, items: Tab[], selected?: string): HTMLElement {
  const buttons = items.map((tab) => h('button', {
    type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `panel-${tab.id}`, 'aria-selected': 'false', tabindex: '-1',
  }, tab.label));
  const panels = items.map((tab) => h('div', { role: 'tabpanel', id: `panel-${tab.id}`, 'aria-labelledby': `tab-${tab.id}`, hidden: true }));
  const open = (index: number, focus: boolean) => {
    buttons.forEach((button, i) => {
      button.setAttribute('aria-selected', String(i === index));
      button.tabIndex = i === index ? 0 : -1;
      panels[i].hidden = i !== index;
    });
    if (!panels[index].hasChildNodes()) panels[index].append(items[index].panel());
    if (focus) buttons[index].focus();
  };
  buttons.forEach((button, i) => {
    button.addEventListener('click', () => open(i, false));
    button.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step) open((i + step + items.length) % items.length, true);
    });
  });
  open(Math.max(0, items.findIndex((tab) => tab.id === selected)), false);
  return h('div', { class: 'tabs' }, h('div', { role: 'tablist', 'aria-label': label }, buttons), panels);
}
