-- Hospital quality, spending and payment measures of each version, long: a catalogue of measures and one
-- value per hospital and measure (null with CMS's reason word and footnote when CMS gives no value).
CREATE TABLE hospital_measures (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  measure_id TEXT NOT NULL,              -- CMS's id (READM-30-HF-HRRP, MSPB-1, H_STAR_RATING) or ours
  name TEXT NOT NULL,
  measure_group TEXT NOT NULL,           -- readmission, mortality, safety, patient_experience, spending, payment
  direction TEXT NOT NULL,               -- lower_is_better, higher_is_better, neutral
  unit TEXT NOT NULL,
  period_start TEXT NOT NULL,            -- ISO dates; empty when the file gives none
  period_end TEXT NOT NULL,
  source TEXT NOT NULL,
  national_value REAL,                   -- as CMS publishes it; null when it does not
  PRIMARY KEY (dataset_id, measure_id)
) WITHOUT ROWID;

CREATE TABLE measure_values (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  facility_id TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  value REAL,
  missing_reason TEXT NOT NULL,          -- "Not Available", "Too Few to Report", ... when value is null
  footnote TEXT NOT NULL,
  denominator REAL,                      -- discharges or completed surveys, where given
  comparison TEXT NOT NULL,              -- CMS's own verdict, when the file gives one
  PRIMARY KEY (dataset_id, facility_id, measure_id)
) WITHOUT ROWID;
