-- The federal fiscal year of the payment program a measure feeds (HRRP, HAC Reduction, Value-Based
-- Purchasing); null for measures of no program year (the survey, Medicare inpatient figures).
ALTER TABLE hospital_measures ADD COLUMN fiscal_year INTEGER;
