// The hospital filters shared by the map and the table: read from and written to the URL, applied in the
// browser to the full list (the map) or passed to the API (the table).

import type { HospitalSummary } from '../types';

/** The filters a user can set. Empty strings mean "any". */
export interface HospitalFilters {
  state: string;
  county: string; // as CMS writes it, within the state
  type: string;
  ownership: string;
  minRating: string;
  emergency: string; // "", "true" or "false"
  birthingFriendly: string; // "", "true" or "false"
  q: string;
}

const keys: Record<keyof HospitalFilters, string> = {
  state: 'state',
  county: 'county',
  type: 'type',
  ownership: 'ownership',
  minRating: 'min_rating',
  emergency: 'emergency',
  birthingFriendly: 'birthing_friendly',
  q: 'q',
};

/** The filters in a URL's query parameters (the API's parameter names). */
export function filtersFromParams(params: URLSearchParams): HospitalFilters {
  const read = (name: string) => params.get(name) ?? '';
  return {
    state: read(keys.state).toUpperCase(),
    county: read(keys.county),
    type: read(keys.type),
    ownership: read(keys.ownership),
    minRating: read(keys.minRating),
    emergency: read(keys.emergency),
    birthingFriendly: read(keys.birthingFriendly),
    q: read(keys.q),
  };
}

/** The filters as query parameters, leaving out the empty ones. */
export function paramsFromFilters(filters: HospitalFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, name] of Object.entries(keys) as [keyof HospitalFilters, string][]) {
    if (filters[field]) out[name] = filters[field];
  }
  return out;
}

/** True when a hospital passes every set filter (same rules as the API: exact type/ownership/state,
 *  county ignoring case, rating at least min_rating, case-insensitive name or city substring). */
export function matches(hospital: HospitalSummary, filters: HospitalFilters): boolean {
  if (filters.state && hospital.state !== filters.state) return false;
  if (filters.county && (hospital.county ?? '').toLowerCase() !== filters.county.toLowerCase()) return false;
  if (filters.type && hospital.type.toLowerCase() !== filters.type.toLowerCase()) return false;
  if (filters.ownership && hospital.ownership.toLowerCase() !== filters.ownership.toLowerCase()) return false;
  if (filters.minRating && (hospital.rating === null || hospital.rating < Number(filters.minRating))) return false;
  if (filters.emergency && hospital.emergency_services !== (filters.emergency === 'true')) return false;
  if (filters.birthingFriendly && hospital.birthing_friendly !== (filters.birthingFriendly === 'true')) return false;
  if (filters.q) {
    const needle = filters.q.toLowerCase();
    if (!hospital.name.toLowerCase().includes(needle) && !hospital.city.toLowerCase().includes(needle)) return false;
  }
  return true;
}

/** The distinct values of a field, sorted, for a filter's options. */
export function distinctValues(hospitals: HospitalSummary[], field: 'type' | 'ownership' | 'state'): string[] {
  return [...new Set(hospitals.map((h) => h[field]))].sort();
}

/** The counties of a state's hospitals, sorted, for the county filter. */
export function countiesOf(hospitals: HospitalSummary[], state: string): string[] {
  return [...new Set(hospitals.flatMap((h) => (h.state === state && h.county ? [h.county] : [])))].sort();
}
