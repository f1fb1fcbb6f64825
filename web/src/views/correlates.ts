// "What goes with X": pick any metric of the level and see every other metric ranked by the strength of its
// correlation, with the 95% interval, n and the Benjamini-Hochberg adjusted p; a click opens the scatter.

import type { ObjectEnvelope } from '../api';
import { formatNumber, formatP } from '../transforms/format';
import type { Correlates, Metric } from '../types';
import { h, replace, select } from '../ui/dom';
import { showError, showLoading } from '../ui/states';
import { dataTable } from '../ui/table';
import { cachedJson } from '../view';

type Correlate = Correlates['correlates'][number];

/** The section: a metric picker and its ranked correlates; `open` shows the scatter of X with a correlate. */
export function correlatesSection(level: string, method: string, metrics: Metric[], x: string,
  choose: (x: string) => void, open: (x: string, y: string) => void): HTMLElement {
  const slot = h('div', { id: 'correlates', 'aria-live': 'polite' });
  const load = async (name: string) => {
    showLoading(slot, 'the correlates');
    try {
      const body = (await cachedJson<ObjectEnvelope<Correlates>>(
        `/api/v1/analytics/correlates?level=${level}&method=${method}&x=${encodeURIComponent(name)}`)).data;
      replace(slot, h('p', { class: 'source' }, `${body.correlates.length} metrics, strongest first; ${body.notes}.`),
        dataTable(`What goes with ${body.x.label} (${method === 'spearman' ? 'Spearman rho' : 'Pearson r'})`, [
          { header: 'Metric', value: (c: Correlate) => h('button', { type: 'button', class: 'link', onclick: () => open(name, c.metric.name) }, c.metric.label),
            sortKey: (c) => c.metric.label },
          { header: 'r', value: (c) => c.r.toFixed(2), numeric: true, sortKey: (c) => Math.abs(c.r) },
          { header: '95% CI', value: (c) => `${c.ci_95[0].toFixed(2)} to ${c.ci_95[1].toFixed(2)}`, numeric: true },
          { header: 'n', value: (c) => formatNumber(c.n), numeric: true, sortKey: (c) => c.n },
          { header: 'BH-adjusted p', value: (c) => formatP(c.p_adjusted), numeric: true, sortKey: (c) => -c.p_adjusted },
        ], body.correlates));
    } catch (error) {
      showError(slot, error);
    }
  };
  void load(x);
  return h('section', {},
    h('h2', {}, 'What goes with one metric'),
    select('Correlates of', metrics.map((m) => [m.name, m.label]), x, (value) => { choose(value); void load(value); }, 'correlates-of'),
    slot);
}
