-- The logical schema: every data row belongs to one dataset version; exactly one version is current.
-- Narrow tables keyed by (dataset_id, ...) are WITHOUT ROWID: one B-tree instead of a table plus an index.
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  version TEXT NOT NULL UNIQUE,          -- sha256 over the source files' names and checksums
  created_at TEXT NOT NULL,              -- ISO 8601 UTC
  source_dir TEXT NOT NULL,
  is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
  hospital_count INTEGER NOT NULL DEFAULT 0,
  quarantined_count INTEGER NOT NULL DEFAULT 0,
  summary TEXT NOT NULL DEFAULT '{}',    -- JSON: headline counts
  quality_report TEXT NOT NULL DEFAULT '{}'  -- JSON: the full quality report
);
CREATE UNIQUE INDEX datasets_one_current ON datasets (is_current) WHERE is_current = 1;

CREATE TABLE dataset_sources (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  row_count INTEGER NOT NULL,
  PRIMARY KEY (dataset_id, name)
);  -- a rowid table: rowid keeps the order the sources were read in

CREATE TABLE states (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  fips TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('state', 'district', 'territory')),
  PRIMARY KEY (dataset_id, code)
) WITHOUT ROWID;

CREATE TABLE state_indicators (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  state_code TEXT NOT NULL,              -- 'US' for the national row
  year INTEGER NOT NULL,
  indicator TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (dataset_id, state_code, indicator, year)
) WITHOUT ROWID;

CREATE TABLE state_unemployment (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  state_code TEXT NOT NULL,
  month TEXT NOT NULL,                   -- YYYY-MM
  rate_pct REAL NOT NULL,
  PRIMARY KEY (dataset_id, state_code, month)
) WITHOUT ROWID;

CREATE TABLE counties (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  fips TEXT NOT NULL,
  state_code TEXT NOT NULL,
  name TEXT NOT NULL,
  urban_rural_2023 INTEGER CHECK (urban_rural_2023 BETWEEN 1 AND 6),
  urban_rural_2013 INTEGER CHECK (urban_rural_2013 BETWEEN 1 AND 6),
  urban_rural_2006 INTEGER CHECK (urban_rural_2006 BETWEEN 1 AND 6),
  urban_rural_1990 INTEGER CHECK (urban_rural_1990 BETWEEN 1 AND 6),
  cbsa_title TEXT NOT NULL,
  population INTEGER,
  PRIMARY KEY (dataset_id, fips)
) WITHOUT ROWID;

CREATE TABLE measure_definitions (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  chr_measure_id TEXT NOT NULL,
  description TEXT NOT NULL,
  release TEXT NOT NULL,
  source_file TEXT NOT NULL,
  PRIMARY KEY (dataset_id, name)
) WITHOUT ROWID;

CREATE TABLE area_measures (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  fips TEXT NOT NULL,                    -- county SSCCC, state SS000, nation 00000
  level TEXT NOT NULL CHECK (level IN ('county', 'state', 'national')),
  state_code TEXT NOT NULL,
  measure TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (dataset_id, fips, measure)
) WITHOUT ROWID;

CREATE TABLE zip_centroids (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  zip TEXT NOT NULL,
  latitude REAL NOT NULL,
  longitude REAL NOT NULL,
  city TEXT NOT NULL,
  state_code TEXT NOT NULL,
  coord_source TEXT NOT NULL,
  PRIMARY KEY (dataset_id, zip)
) WITHOUT ROWID;

CREATE TABLE hospitals (
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
);

CREATE TABLE quality_issues (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  rule TEXT NOT NULL,
  column_name TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
  count INTEGER NOT NULL,
  example TEXT NOT NULL
);
CREATE INDEX quality_issues_dataset ON quality_issues (dataset_id);

CREATE TABLE quarantined_rows (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  raw_row TEXT NOT NULL
);
CREATE INDEX quarantined_rows_dataset ON quarantined_rows (dataset_id);
