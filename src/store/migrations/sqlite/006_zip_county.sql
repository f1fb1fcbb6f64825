-- The county each ZIP centroid lies in (from the county boundary file), for access to care by county.
ALTER TABLE zip_centroids ADD COLUMN county_fips TEXT;
