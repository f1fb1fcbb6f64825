// What every view gets from the shell, and the cache of read-only API answers they share.

import { getAll, getJson, type ListEnvelope } from './api';
import { once } from './once';
import { hospitalSummaryFields, type Dataset, type HospitalSummary, type Measure, type MeasureHospital } from './types';

/** The shell's services for the view on screen. */
export interface ViewContext {
  /** The view's URL parameters. */
  params: URLSearchParams;
  /** Aborted when the user leaves the view. */
  signal: AbortSignal;
  /** Opens another view (a new history entry). */
  go(view: string, params?: Record<string, string | undefined>): void;
  /** Rewrites this view's URL parameters in place (filters), without reloading the view. */
  update(params: Record<string, string | undefined>): void;
}

/** Renders a view into the main element. */
export type View = (main: HTMLElement, context: ViewContext) => Promise<void>;

/** A GET answered once per page load: the data of one dataset version does not change under a view. */
export function cachedJson<T>(path: string): Promise<T> {
  return once(path, () => getJson<T>(path));
}

/** The datasets, newest first (the shell's badge and the hospital count of the current one). */
export function datasets(): Promise<ListEnvelope<Dataset>> {
  return cachedJson<ListEnvelope<Dataset>>('/api/v1/datasets');
}

/** Every hospital (all pages of /hospitals, fetched together: the current dataset says how many), fetched once. */
export function allHospitals(): Promise<HospitalSummary[]> {
  const path = `/api/v1/hospitals?fields=${hospitalSummaryFields.join(',')}&sort=id`;
  return once(path, async () => {
    const expectedTotal = await datasets().then((list) => list.data.find((d) => d.is_current)?.hospital_count ?? 0, () => 0);
    return getAll<HospitalSummary>(path, { expectedTotal });
  });
}

/** The hospital measure catalogue, fetched once. */
export function measureCatalogue(): Promise<Measure[]> {
  return cachedJson<ListEnvelope<Measure>>('/api/v1/measures?limit=500').then((list) => list.data);
}

/** Every hospital with a value of a measure, best first (all pages), fetched once per measure. */
export function measureHospitals(id: string): Promise<MeasureHospital[]> {
  const path = `/api/v1/measures/${encodeURIComponent(id)}/hospitals?sort=best`;
  return once(path, () => getAll<MeasureHospital>(path));
}
