-- The federal fiscal year of the payment program a measure feeds (HRRP, HAC Reduction, Value-Based
-- Purchasing); null for measures of no program year (the survey, Medicare inpatient figures).
ALTER TABLE hospital_measures ADD COLUMN fiscal_year INTEGER;

-- Measure ids and CCNs sort by byte, as in SQLite and in the server's lookups ("HAC-..." before "H_..."),
-- whatever the database's locale: a locale collation ignores punctuation and would order them differently.
ALTER TABLE hospital_measures ALTER COLUMN measure_id TYPE TEXT COLLATE "C";
ALTER TABLE measure_values ALTER COLUMN facility_id TYPE TEXT COLLATE "C";
ALTER TABLE measure_values ALTER COLUMN measure_id TYPE TEXT COLLATE "C";
