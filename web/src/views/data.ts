// Data: the dataset versions with their sources, the quality report of the current one, and pipeline runs.

import { getJson, type ListEnvelope, type ObjectEnvelope } from '../api';
import { formatNumber } from '../transforms/format';
import type { Dataset, QualityReport } from '../types';
import { h, replace } from '../ui/dom';
import { showError, showLoading } from '../ui/states';
import { dataTable } from '../ui/table';
import { cachedJson, datasets, type View } from '../view';

/** A finding of the quality report. */
type Finding = QualityReport['findings'][number];

/** The data view. */
export const data: View = async (main) => {
  showLoading(main, 'the datasets');
  const versions = (await datasets()).data;
  const current = versions.find((d) => d.is_current) ?? versions[0];
  const quality = (await cachedJson<ObjectEnvelope<QualityReport>>(`/api/v1/datasets/${current.version}/quality`)).data;
  const runs = h('section', { id: 'pipeline-runs' }, h('h2', {}, 'Pipeline runs'));
  replace(main,
    h('h1', {}, 'Data'),
    dataTable('Dataset versions (newest first)', [
      { header: 'Version', value: (d: Dataset) => `${d.version.slice(0, 12)}${d.is_current ? ' (current)' : ''}` },
      { header: 'Loaded', value: (d) => d.created_at },
      { header: 'Hospitals', value: (d) => formatNumber(d.hospital_count), numeric: true },
      { header: 'Quarantined rows', value: (d) => formatNumber(d.quarantined_count), numeric: true },
    ], versions),
    h('h2', {}, 'Sources of the current version'),
    dataTable('Source files', [
      { header: 'Source', value: (s: Dataset['sources'][number]) => s.name },
      { header: 'File', value: (s) => s.path },
      { header: 'Rows', value: (s) => formatNumber(s.rows), numeric: true },
      { header: 'SHA-256', value: (s) => h('code', {}, s.sha256.slice(0, 16)) },
    ], current.sources),
    h('h2', {}, 'Quality report'),
    h('p', {}, `${formatNumber(quality.error_count)} errors, ${formatNumber(quality.quarantined_rows)} rows quarantined. `,
      Object.entries(quality.metrics).map(([name, value]) => `${name.replace(/_/g, ' ')}: ${formatNumber(value)}`).join(' · ')),
    dataTable('Findings', [
      { header: 'Source', value: (f: Finding) => f.source },
      { header: 'Rule', value: (f) => f.rule },
      { header: 'Column', value: (f) => f.column },
      { header: 'Severity', value: (f) => f.severity },
      { header: 'Count', value: (f) => formatNumber(f.count), numeric: true },
      { header: 'Example', value: (f) => f.example },
    ], quality.findings),
    runs);
  try {
    // Ask for runs only when this server has the route (its OpenAPI document says), so no request 404s.
    const document = await cachedJson<{ paths: Record<string, unknown> }>('/openapi.json');
    if (!document.paths['/api/v1/pipeline/runs']) {
      runs.append(h('p', { class: 'state empty' }, 'No pipeline runs: this server has no scheduled pipeline yet.'));
      return;
    }
    const list = await getJson<ListEnvelope<Record<string, unknown>>>('/api/v1/pipeline/runs');
    runs.append(list.data.length
      ? dataTable('Recent pipeline runs', Object.keys(list.data[0]).map((k) => ({ header: k, value: (r: Record<string, unknown>) => String(r[k] ?? '') })), list.data)
      : h('p', {}, 'No pipeline run recorded yet.'));
  } catch (error) {
    showError(runs, error);
  }
};
