-- The state series of issue 20. A state indicator may now be null with the publisher's reason (CDC's
-- "Unreliable" infant mortality rates): SQLite cannot drop a NOT NULL, so the table is rebuilt.
CREATE TABLE state_indicators_nullable (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  state_code TEXT NOT NULL,              -- 'US' for the national row
  year INTEGER NOT NULL,
  indicator TEXT NOT NULL,
  value REAL,                            -- null when the publisher gives no usable value
  unit TEXT NOT NULL,
  source TEXT NOT NULL,
  missing_reason TEXT NOT NULL DEFAULT '',  -- why value is null ("Unreliable"); empty otherwise
  PRIMARY KEY (dataset_id, state_code, indicator, year)
) WITHOUT ROWID;
INSERT INTO state_indicators_nullable (dataset_id, state_code, year, indicator, value, unit, source)
  SELECT dataset_id, state_code, year, indicator, value, unit, source FROM state_indicators;
DROP TABLE state_indicators;
ALTER TABLE state_indicators_nullable RENAME TO state_indicators;

-- Monthly Medicaid and CHIP reports per state (data.medicaid.gov), the Updated report where one exists.
CREATE TABLE medicaid_enrollment (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  state_code TEXT NOT NULL,
  month TEXT NOT NULL,                   -- YYYY-MM
  expanded INTEGER NOT NULL CHECK (expanded IN (0, 1)),
  updated INTEGER NOT NULL CHECK (updated IN (0, 1)),  -- 1: CMS's Updated report, 0: its Preliminary one
  total_enrollment REAL,
  medicaid_enrollment REAL,
  chip_enrollment REAL,
  adult_medicaid_enrollment REAL,
  child_enrollment REAL,
  new_applications REAL,
  determinations REAL,
  footnotes TEXT NOT NULL,
  PRIMARY KEY (dataset_id, state_code, month)
) WITHOUT ROWID;
