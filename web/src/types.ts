// The API payloads the dashboard reads, as /openapi.json documents them: src/generated/openapi.d.ts is
// generated from docs/openapi.json at build time (npm run generate:api, openapi-typescript), so a payload
// the dashboard reads differently from the API fails the build.
import type { components } from './generated/openapi';

type Schemas = components['schemas'];

/** One measure group of a hospital's star-rating breakdown. */
export type MeasureGroup = Schemas['MeasureGroup'];

/** A hospital as far as a list's fields= asks: every field optional. */
export type HospitalFields = Schemas['HospitalFields'];

/** A hospital with every field (the detail, nearest and compare routes). */
export type Hospital = Schemas['Hospital'];

/** The fields of every hospital that the map, the filters and the pickers use: the list the views share. */
export const hospitalSummaryFields = [
  'id', 'name', 'city', 'state', 'type', 'ownership', 'emergency_services', 'rating', 'latitude', 'longitude',
] as const;

/** A hospital with only the shared list's fields. */
export type HospitalSummary = Pick<Hospital, (typeof hospitalSummaryFields)[number]>;

/** A metric column of an area table. */
export type Metric = Schemas['MetricTable']['metrics'][number];

/** States or counties by metric (/analytics/metrics). */
export type MetricTable = Schemas['MetricTable'];

/** A correlation matrix (/analytics/correlations). */
export type CorrelationMatrix = Schemas['CorrelationMatrix'];

/** The dashboard summary. */
export type Summary = Schemas['DashboardSummary'];

/** A dataset version (/datasets). */
export type Dataset = Schemas['Dataset'];

/** A hospital measure of the catalogue (/api/v1/measures). */
export type Measure = Schemas['Measure'];

/** A hospital's value of one measure, as /api/v1/measures/{id}/hospitals lists it. */
export type MeasureHospital = Schemas['MeasureHospital'];
