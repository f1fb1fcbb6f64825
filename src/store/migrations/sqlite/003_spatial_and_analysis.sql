-- Hospital locations in an R*Tree keyed by hospitals.rowid (filled when a load commits, emptied by the
-- trigger when a version is pruned), and the results of `hci analyze` per dataset version.
CREATE VIRTUAL TABLE hospital_locations USING rtree(id, min_lat, max_lat, min_lon, max_lon);
INSERT INTO hospital_locations
  SELECT rowid, latitude, latitude, longitude, longitude FROM hospitals WHERE latitude IS NOT NULL;
CREATE TRIGGER hospitals_location_delete AFTER DELETE ON hospitals
BEGIN
  DELETE FROM hospital_locations WHERE id = old.rowid;
END;

CREATE TABLE analysis_results (
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  name TEXT NOT NULL,                    -- e.g. state_table, correlations_state_pearson, insights
  body TEXT NOT NULL,                    -- JSON document
  computed_at TEXT NOT NULL,             -- ISO 8601 UTC
  PRIMARY KEY (dataset_id, name)
) WITHOUT ROWID;
