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
  'id', 'name', 'city', 'state', 'county', 'type', 'ownership', 'emergency_services', 'birthing_friendly', 'rating', 'latitude', 'longitude',
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

/** A measure with its distribution, missing reasons and state medians (/api/v1/measures/{id}). */
export type MeasureDetail = Schemas['MeasureDetail'];

/** One hospital with its state and nearest hospitals (/api/v1/hospitals/{id}). */
export type HospitalDetail = Schemas['HospitalDetail'];

/** One measure of one hospital, with its references (/api/v1/hospitals/{id}/measures). */
export type HospitalMeasure = Schemas['HospitalMeasure'];

/** Every measure of one hospital. */
export type HospitalMeasures = Schemas['HospitalMeasures'];

/** Hospitals side by side with their measures (/api/v1/hospitals/compare). */
export type Comparison = Schemas['Comparison'];

/** A predicted star rating with its explanation (predict and rating-explanation). */
export type RatingPrediction = Schemas['RatingPrediction'];

/** What moves a predicted rating: the base value and each input's contribution. */
export type RatingExplanation = RatingPrediction['explanation'];

/** A registered model (/api/v1/models/{name}). */
export type Model = Schemas['Model'];

/** One indicator for every state and year (/api/v1/indicators/{name}). */
export type IndicatorPanel = Schemas['IndicatorPanel'];

/** A state's forecasts with intervals (/api/v1/states/{code}/forecast). */
export type Forecast = Schemas['Forecast'];

/** The scatter of two metrics with its correlations (/api/v1/analytics/correlations/pair). */
export type CorrelationPair = Schemas['CorrelationPair'];

/** The quality report of a dataset version. */
export type QualityReport = Schemas['QualityReport'];

/** The state clusters (/api/v1/clusters). */
export type Clusters = Schemas['Clusters'];

/** A state with its indicators, profile and cluster (/api/v1/states/{code}). */
export type StateDetail = Schemas['StateDetail'];

/** An indicator of one state by year. */
export type IndicatorSeries = Schemas['IndicatorSeries'];
/** One year of an indicator: null with the publisher's reason where it gives no usable value. */
export type IndicatorValue = Schemas['IndicatorValue'];

/** The Medicaid expansion analysis (/api/v1/analytics/medicaid-expansion). */
export type ExpansionAnalysis = Schemas['MedicaidExpansionAnalysis'];

/** One outcome of the expansion analysis: group trends, estimates and event study. */
export type ExpansionOutcome = ExpansionAnalysis['outcomes'][number];

/** One monthly Medicaid and CHIP figure for every state (/api/v1/indicators/{name}/monthly). */
export type MonthlyIndicatorPanel = Schemas['MonthlyIndicatorPanel'];

/** Distances to the nearest emergency hospital per state and county, and the farthest places (/api/v1/analytics/access). */
export type Access = Schemas['Access'];

/** A ZIP centroid with the distance to its nearest emergency hospital. */
export type ZipDistance = Schemas['ZipDistance'];

/** A county snapshot like County Health Rankings' (/api/v1/counties/{fips}). */
export type CountyProfile = Schemas['CountyProfile'];

/** A state or territory with its hospital counts and population (/api/v1/states). */
export type StateSummary = Schemas['State'];

/** One metric against every other metric of its table, strongest first (/api/v1/analytics/correlates). */
export type Correlates = Schemas['Correlates'];

/** Every yearly state indicator with its definition, years and coverage (/api/v1/indicators). */
export type IndicatorCatalog = Schemas['IndicatorCatalog'];

/** What an indicator means and how to show it (label, definition, publisher, display unit and scale). */
export type IndicatorDefinition = Schemas['IndicatorDefinition'];
