// The shapes of the API payloads the dashboard reads (see /openapi.json for the full reference).

/** One measure group of a hospital's star-rating breakdown. */
export interface MeasureGroup {
  measures: number | null;
  facility_measures: number | null;
  better?: number | null;
  no_different?: number | null;
  worse?: number | null;
}

/** A hospital as /hospitals returns it (fields may be reduced with fields=). */
export interface Hospital {
  id: string;
  name: string;
  address?: string;
  city: string;
  state: string;
  zip?: string;
  county?: string;
  phone?: string;
  type: string;
  ownership: string;
  emergency_services: boolean;
  birthing_friendly?: boolean;
  rating: number | null;
  rating_footnote?: string;
  rating_breakdown?: Record<string, MeasureGroup>;
  latitude: number | null;
  longitude: number | null;
  beds?: number | null;
  distance_km?: number;
}

/** The fields of every hospital that the map, the filters and the pickers use: the list the views share. */
export const hospitalSummaryFields = [
  'id', 'name', 'city', 'state', 'type', 'ownership', 'emergency_services', 'rating', 'latitude', 'longitude',
] as const;

/** A hospital with only the shared list's fields. */
export type HospitalSummary = Pick<Hospital, (typeof hospitalSummaryFields)[number]>;

/** A metric column of an area table. */
export interface Metric {
  name: string;
  label: string;
  description: string;
  unit: string;
  source: string;
  direction: 'higher_is_better' | 'lower_is_better' | 'neutral';
  values: (number | null)[];
}

/** States or counties by metric (/analytics/metrics). */
export interface MetricTable {
  level: 'state' | 'county';
  rows: { key: string; name: string; state: string }[];
  metrics: Metric[];
}

/** A correlation matrix (/analytics/correlations). */
export interface CorrelationMatrix {
  level: string;
  method: string;
  variables: { name: string; label: string; unit: string }[];
  r: (number | null)[][];
  n: (number | null)[][];
  p: (number | null)[][];
  p_adjusted: (number | null)[][];
  notes: string;
}

/** The dashboard summary. */
export interface Summary {
  hospitals: number;
  states_covered: number;
  rated: number;
  rated_share: number;
  mean_rating: number | null;
  emergency_services: number;
  emergency_services_share: number;
  top_states_by_hospital_count: { code: string; name: string; hospital_count: number }[];
  top_states_by_mean_rating: { code: string; name: string; mean_rating: number }[];
  by_type: { value: string; count: number }[];
  by_ownership: { value: string; count: number }[];
  rating_distribution: { rating: number | null; count: number }[];
}

/** A dataset version (/datasets). */
export interface Dataset {
  version: string;
  created_at: string;
  is_current: boolean;
  hospital_count: number;
  quarantined_count: number;
  sources: { name: string; path: string; rows: number; bytes: number; sha256: string }[];
}

/** A hospital measure of the catalogue (/api/v1/measures). */
export interface Measure {
  id: string;
  name: string;
  group: string;
  direction: 'lower_is_better' | 'higher_is_better' | 'neutral';
  unit: string;
  period: { start: string | null; end: string | null; fiscal_year: number | null };
  source: string;
  hospitals_with_value: number;
}

/** A hospital's value of one measure, as /api/v1/measures/{id}/hospitals lists it. */
export interface MeasureHospital {
  facility_id: string;
  name: string;
  city: string;
  state: string;
  value: number;
  denominator: number | null;
  percentile: number;
}
