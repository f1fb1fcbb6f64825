// What every view gets from the shell, and the cache of read-only API answers they share.

import { getAll, getJson } from './api';
import type { Hospital } from './types';

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

const cache = new Map<string, Promise<unknown>>();

/** A GET answered once per page load: the data of one dataset version does not change under a view. */
export function cachedJson<T>(path: string): Promise<T> {
  if (!cache.has(path)) {
    const request = getJson<T>(path);
    request.catch(() => cache.delete(path));
    cache.set(path, request);
  }
  return cache.get(path) as Promise<T>;
}

/** The fields the map and the exports need for every hospital. */
const hospitalFields =
  'id,name,address,city,state,zip,county,phone,type,ownership,emergency_services,birthing_friendly,rating,latitude,longitude,beds';

/** Every hospital (all pages of /hospitals), fetched once. */
export function allHospitals(): Promise<Hospital[]> {
  const path = `/api/v1/hospitals?fields=${hospitalFields}&sort=id`;
  if (!cache.has(path)) {
    const request = getAll<Hospital>(path);
    request.catch(() => cache.delete(path));
    cache.set(path, request);
  }
  return cache.get(path) as Promise<Hospital[]>;
}
