-- The logical schema of migrations/sqlite in PostgreSQL types: every data row belongs to one dataset
-- version; exactly one version is current. Spatial columns and views come with PostGIS (002).
CREATE TABLE datasets (
  id BIGSERIAL PRIMARY KEY,
  version TEXT NOT NULL UNIQUE,          -- sha256 over the source files' names and checksums
  created_at TEXT NOT NULL,              -- ISO 8601 UTC
  source_dir TEXT NOT NULL,
  is_current BOOLEAN NOT NULL DEFAULT false,
  hospital_count BIGINT NOT NULL DEFAULT 0,
  quarantined_count BIGINT NOT NULL DEFAULT 0,
  summary TEXT NOT NULL DEFAULT '{}',    -- JSON: headline counts
  quality_report TEXT NOT NULL DEFAULT '{}'  -- JSON: the full quality report
);
CREATE UNIQUE INDEX datasets_one_current ON datasets (is_current) WHERE is_current;

CREATE TABLE dataset_sources (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,             -- the order the sources were read in
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  row_count BIGINT NOT NULL,
  PRIMARY KEY (dataset_id, name)
);

CREATE TABLE states (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  fips TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('state', 'district', 'territory')),
  PRIMARY KEY (dataset_id, code)
);

CREATE TABLE state_indicators (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  state_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  indicator TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  unit TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (dataset_id, state_code, indicator, year)
);

CREATE TABLE state_unemployment (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  state_code TEXT NOT NULL,
  month TEXT NOT NULL,
  rate_pct DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (dataset_id, state_code, month)
);

CREATE TABLE counties (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  fips TEXT NOT NULL,
  state_code TEXT NOT NULL,
  name TEXT NOT NULL,
  urban_rural_2023 INTEGER CHECK (urban_rural_2023 BETWEEN 1 AND 6),
  urban_rural_2013 INTEGER CHECK (urban_rural_2013 BETWEEN 1 AND 6),
  urban_rural_2006 INTEGER CHECK (urban_rural_2006 BETWEEN 1 AND 6),
  urban_rural_1990 INTEGER CHECK (urban_rural_1990 BETWEEN 1 AND 6),
  cbsa_title TEXT NOT NULL,
  population BIGINT,
  PRIMARY KEY (dataset_id, fips)
);

CREATE TABLE measure_definitions (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  chr_measure_id TEXT NOT NULL,
  description TEXT NOT NULL,
  release TEXT NOT NULL,
  source_file TEXT NOT NULL,
  PRIMARY KEY (dataset_id, name)
);

CREATE TABLE area_measures (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  fips TEXT NOT NULL,                    -- county SSCCC, state SS000, nation 00000
  level TEXT NOT NULL CHECK (level IN ('county', 'state', 'national')),
  state_code TEXT NOT NULL,
  measure TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (dataset_id, fips, measure)
);

CREATE TABLE zip_centroids (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  zip TEXT NOT NULL,
  latitude DOUBLE PRECISION NOT NULL,
  longitude DOUBLE PRECISION NOT NULL,
  city TEXT NOT NULL,
  state_code TEXT NOT NULL,
  coord_source TEXT NOT NULL,
  PRIMARY KEY (dataset_id, zip)
);

CREATE TABLE hospitals (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
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
  emergency_services BOOLEAN NOT NULL,
  birthing_friendly BOOLEAN NOT NULL,
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
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  beds INTEGER,
  hifld_id TEXT,
  PRIMARY KEY (dataset_id, id)
);

CREATE TABLE quality_issues (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  rule TEXT NOT NULL,
  column_name TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
  count BIGINT NOT NULL,
  example TEXT NOT NULL
);
CREATE INDEX quality_issues_dataset ON quality_issues (dataset_id);

CREATE TABLE quarantined_rows (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  line BIGINT NOT NULL,
  reason TEXT NOT NULL,
  raw_row TEXT NOT NULL
);
CREATE INDEX quarantined_rows_dataset ON quarantined_rows (dataset_id);

-- API keys: only the SHA-256 of each key is stored; a revoked key keeps its row for the audit trail.
CREATE TABLE api_keys (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE UNIQUE INDEX api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;

-- The results of `hci analyze` per dataset version.
CREATE TABLE analysis_results (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  body TEXT NOT NULL,                    -- JSON document
  computed_at TEXT NOT NULL,
  PRIMARY KEY (dataset_id, name)
);

-- The model registry (see migrations/sqlite/004_models.sql).
CREATE TABLE models (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  trained_at TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  features TEXT NOT NULL,
  parameters TEXT NOT NULL,
  metrics TEXT NOT NULL,
  details TEXT NOT NULL,
  artifact TEXT NOT NULL
);
CREATE INDEX models_dataset_name ON models (dataset_id, name, id);
