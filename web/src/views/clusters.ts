// Clusters: the states coloured by cluster, and each cluster's profile.

import type { ObjectEnvelope } from '../api';
import { mountChart } from '../charts/mount';
import { stateCodeByFips, stateFipsByCode } from '../geo/projection';
import { regionName, registerStates, usMapBase } from '../geo/usMap';
import { okabeIto } from '../transforms/colors';
import { formatNumber } from '../transforms/format';
import { escapeHtml, h, replace } from '../ui/dom';
import { showLoading } from '../ui/states';
import { dataTable } from '../ui/table';
import { cachedJson, type View } from '../view';
import type { Clusters, MetricTable } from '../types';

/** One cluster with its profile. */
type Cluster = Clusters['clusters'][number];

/** The clusters view. */
export const clusters: View = async (main, context) => {
  showLoading(main, 'the clusters');
  const [{ data: result }, metrics] = await Promise.all([
    cachedJson<ObjectEnvelope<Clusters>>('/api/v1/clusters'),
    cachedJson<ObjectEnvelope<MetricTable>>('/api/v1/analytics/metrics?level=state').catch(() => null),
    registerStates(),
  ]);
  const metricOf = new Map((metrics?.data.metrics ?? []).map((m) => [m.name, m]));
  const featureHeader = (name: string) => {
    const metric = metricOf.get(name);
    return metric ? (metric.unit && !metric.label.includes(metric.unit) ? `${metric.label}, ${metric.unit}` : metric.label) : name;
  };
  const chartElement = h('div', { class: 'chart map', id: 'cluster-map', role: 'img', 'aria-label': 'States coloured by cluster (click a state to open it); the profile table follows' });
  const features = Object.keys(result.clusters[0]?.mean ?? {});
  replace(main,
    h('h1', {}, `States in ${result.k} clusters`),
    h('p', { class: 'lead' }, `k-means++ on standardized state profiles; silhouette ${formatNumber(result.silhouette)}.`),
    chartElement,
    h('ul', { class: 'legend' }, result.clusters.map((c) =>
      h('li', {}, h('span', { class: 'swatch', style: `background:${okabeIto[c.cluster % okabeIto.length]}` }), `${c.cluster}: ${c.label} (${c.size})`))),
    dataTable('Cluster profiles (means)', [
      { header: 'Cluster', value: (c: Cluster) => `${c.cluster}: ${c.label}` },
      { header: 'States', value: (c) => c.states.join(', ') },
      ...features.map((f) => ({ header: featureHeader(f), value: (c: Cluster) => formatNumber(c.mean[f]), numeric: true })),
    ], result.clusters));
  const chart = await mountChart(chartElement, {
    tooltip: { trigger: 'item', formatter: (p: { name: string; data?: { value: number } }) =>
      `<b>${escapeHtml(regionName(p.name))}</b><br>` +
      (p.data ? `cluster ${p.data.value}: ${escapeHtml(result.clusters[p.data.value]?.label ?? '')}` : 'not clustered (incomplete profile)') },
    visualMap: { type: 'piecewise', show: false, pieces: result.clusters.map((c) => ({ value: c.cluster, color: okabeIto[c.cluster % okabeIto.length] })) },
    series: [{ type: 'map', ...usMapBase('state', '#eee'),
      data: Object.entries(result.assignments).map(([code, cluster]) => ({ name: stateFipsByCode[code], value: cluster })) }],
  });
  chart.on('click', (event) => {
    const code = stateCodeByFips[event.name];
    if (code) context.go('state', { code });
  });
};
