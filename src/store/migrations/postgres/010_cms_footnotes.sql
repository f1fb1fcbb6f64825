-- The CMS Footnote Crosswalk of each version: what the footnote codes beside Care Compare values mean.
CREATE TABLE cms_footnotes (
  dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  code TEXT NOT NULL,                    -- "1".."28", or a letter or asterisks for program notes
  text TEXT NOT NULL,
  PRIMARY KEY (dataset_id, code)
);
