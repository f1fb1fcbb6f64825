// The dashboard shell: navigation, the dataset badge, and the view for the current hash route.

import './styles.css';
import { disposeCharts, loadECharts } from './charts/mount';
import { buildHash, parseHash } from './router';
import { h, replace } from './ui/dom';
import { showError } from './ui/states';
import { datasets, type View } from './view';
import { views, navigation } from './views/registry';

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
let controller: AbortController | null = null;

function renderNavigation(current: string): void {
  replace(nav, h('ul', {}, navigation.map(([view, label]) =>
    h('li', {}, h('a', { href: buildHash(view), 'aria-current': view === current ? 'page' : undefined }, label)))));
}

async function renderRoute(): Promise<void> {
  const route = parseHash(location.hash);
  const view: View = views[route.view] ?? views.overview;
  controller?.abort();
  controller = new AbortController();
  disposeCharts();
  renderNavigation(route.view);
  main.replaceChildren();
  main.dataset.view = route.view;
  main.dataset.ready = 'false';
  try {
    await view(main, {
      params: route.params,
      signal: controller.signal,
      go: (name, params) => { location.hash = buildHash(name, params); },
      update: (params) => history.replaceState(null, '', buildHash(route.view, params)),
    });
  } catch (error) {
    if (!controller.signal.aborted) showError(main, error, () => void renderRoute());
  }
  main.dataset.ready = 'true';
}

async function renderDatasetBadge(): Promise<void> {
  const badge = document.getElementById('dataset') as HTMLElement;
  try {
    const current = (await datasets()).data.find((d) => d.is_current);
    if (current) badge.textContent = `Dataset ${current.version.slice(0, 12)} · loaded ${current.created_at.slice(0, 10)}`;
  } catch {
    badge.textContent = 'API unreachable';
  }
}

document.getElementById('footer')!.append(
  'Data: CMS Care Compare, US Census Bureau, BLS, KFF, CMS OACT, County Health Rankings & Roadmaps, NCHS, HIFLD. ',
  h('a', { href: '/docs' }, 'API documentation'),
);
window.addEventListener('hashchange', () => void renderRoute());
void renderDatasetBadge();
void renderRoute();
loadECharts().catch(() => { /* a view that draws a chart shows the error */ }); // beside the first view's data

