-- Hospitals become a WITHOUT ROWID table clustered on its key (dataset_id, id): one B-tree per row
-- written instead of a rowid table plus the key's separate index. Measured with the sqlite3 shell on
-- 542k hospitals (INSERT ... SELECT, 32 MiB cache): 2.26 s as a rowid table, 1.70 s without rowid.
-- Reads are unchanged: a version is read in id order, which is now the table's own order.
CREATE TABLE hospitals_clustered (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  id TEXT NOT NULL,                      -- CMS Certification Number
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  city TEXT NOT NULL,
  state_code TEXT NOT NULL,
  zip TEXT NOT NULL,
  county TEXT NOT NULL,
  county_fips TEXT,
  phone TEXT NOT NULL,
  type TEXT NOT NULL,
  ownership TEXT NOT NULL,
  emergency_services INTEGER NOT NULL CHECK (emergency_services IN (0, 1)),
  birthing_friendly INTEGER NOT NULL CHECK (birthing_friendly IN (0, 1)),
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  rating_footnote TEXT NOT NULL,
  mortality_measures INTEGER, mortality_facility INTEGER, mortality_better INTEGER,
  mortality_no_different INTEGER, mortality_worse INTEGER, mortality_footnote TEXT NOT NULL,
  safety_measures INTEGER, safety_facility INTEGER, safety_better INTEGER,
  safety_no_different INTEGER, safety_worse INTEGER, safety_footnote TEXT NOT NULL,
  readmission_measures INTEGER, readmission_facility INTEGER, readmission_better INTEGER,
  readmission_no_different INTEGER, readmission_worse INTEGER, readmission_footnote TEXT NOT NULL,
  patient_experience_measures INTEGER, patient_experience_facility INTEGER, patient_experience_footnote TEXT NOT NULL,
  timely_effective_measures INTEGER, timely_effective_facility INTEGER, timely_effective_footnote TEXT NOT NULL,
  latitude REAL,
  longitude REAL,
  beds INTEGER,
  hifld_id TEXT,
  PRIMARY KEY (dataset_id, id)
) WITHOUT ROWID;
-- Columns named, not positional: the copy does not depend on the two tables' column order.
INSERT INTO hospitals_clustered (
  dataset_id, id, name, address, city, state_code, zip, county, county_fips, phone, type, ownership,
  emergency_services, birthing_friendly, rating, rating_footnote,
  mortality_measures, mortality_facility, mortality_better, mortality_no_different, mortality_worse, mortality_footnote,
  safety_measures, safety_facility, safety_better, safety_no_different, safety_worse, safety_footnote,
  readmission_measures, readmission_facility, readmission_better, readmission_no_different, readmission_worse,
  readmission_footnote, patient_experience_measures, patient_experience_facility, patient_experience_footnote,
  timely_effective_measures, timely_effective_facility, timely_effective_footnote, latitude, longitude, beds, hifld_id)
SELECT
  dataset_id, id, name, address, city, state_code, zip, county, county_fips, phone, type, ownership,
  emergency_services, birthing_friendly, rating, rating_footnote,
  mortality_measures, mortality_facility, mortality_better, mortality_no_different, mortality_worse, mortality_footnote,
  safety_measures, safety_facility, safety_better, safety_no_different, safety_worse, safety_footnote,
  readmission_measures, readmission_facility, readmission_better, readmission_no_different, readmission_worse,
  readmission_footnote, patient_experience_measures, patient_experience_facility, patient_experience_footnote,
  timely_effective_measures, timely_effective_facility, timely_effective_footnote, latitude, longitude, beds, hifld_id
FROM hospitals;
DROP TABLE hospitals;
ALTER TABLE hospitals_clustered RENAME TO hospitals;
CREATE INDEX hospitals_location ON hospitals (dataset_id, latitude, longitude);
