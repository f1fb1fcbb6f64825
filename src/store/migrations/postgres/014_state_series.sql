-- The state series of issue 20: a state indicator may be null with the publisher's reason (CDC's
-- "Unreliable" infant mortality rates), and the monthly Medicaid and CHIP reports per state.
ALTER TABLE state_indicators ALTER COLUMN value DROP NOT NULL;
ALTER TABLE state_indicators ADD COLUMN missing_reason TEXT NOT NULL DEFAULT '';

CREATE TABLE medicaid_enrollment (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  state_code TEXT NOT NULL,
  month TEXT NOT NULL,                   -- YYYY-MM
  expanded BOOLEAN NOT NULL,
  updated BOOLEAN NOT NULL,              -- true: CMS's Updated report, false: its Preliminary one
  total_enrollment DOUBLE PRECISION,
  medicaid_enrollment DOUBLE PRECISION,
  chip_enrollment DOUBLE PRECISION,
  adult_medicaid_enrollment DOUBLE PRECISION,
  child_enrollment DOUBLE PRECISION,
  new_applications DOUBLE PRECISION,
  determinations DOUBLE PRECISION,
  footnotes TEXT NOT NULL,
  PRIMARY KEY (dataset_id, state_code, month)
);
