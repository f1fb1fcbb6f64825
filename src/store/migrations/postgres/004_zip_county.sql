-- The county each ZIP centroid lies in (from the county boundary file), for access to care by county.
ALTER TABLE zip_centroids ADD COLUMN county_fips TEXT;
-- Views expand * when created: refresh the one over zip_centroids so it shows the new column.
CREATE OR REPLACE VIEW current_zip_centroids AS
  SELECT z.* FROM zip_centroids z JOIN datasets d ON d.id = z.dataset_id WHERE d.is_current;
