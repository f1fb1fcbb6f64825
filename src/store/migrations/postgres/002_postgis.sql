-- PostGIS: a geography(Point, 4326) on hospitals and ZIP centroids, derived from latitude and longitude,
-- with GIST indexes for <-> and ST_DWithin; and views that GIS and BI tools open directly.
CREATE EXTENSION IF NOT EXISTS postgis;

ALTER TABLE hospitals ADD COLUMN geom geography(Point, 4326) GENERATED ALWAYS AS (
  CASE WHEN latitude IS NULL OR longitude IS NULL THEN NULL
       ELSE ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography END) STORED;
CREATE INDEX hospitals_geom ON hospitals USING GIST (geom);

ALTER TABLE zip_centroids ADD COLUMN geom geography(Point, 4326) GENERATED ALWAYS AS (
  ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography) STORED;
CREATE INDEX zip_centroids_geom ON zip_centroids USING GIST (geom);

-- The hospitals of the current version, with geometry (QGIS: add PostGIS layer current_hospitals).
CREATE VIEW current_hospitals AS
  SELECT h.* FROM hospitals h JOIN datasets d ON d.id = h.dataset_id WHERE d.is_current;

-- The ZIP centroids of the current version.
CREATE VIEW current_zip_centroids AS
  SELECT z.* FROM zip_centroids z JOIN datasets d ON d.id = z.dataset_id WHERE d.is_current;

-- One row per state, DC and territory of the current version: hospital counts and mean rating, placed at
-- the centroid of its hospitals.
CREATE VIEW state_summaries AS
  SELECT s.code, s.fips, s.name, s.kind,
         count(h.id) AS hospitals,
         count(h.rating) AS rated,
         avg(h.rating)::double precision AS mean_rating,
         count(h.id) FILTER (WHERE h.emergency_services) AS emergency_services,
         ST_Centroid(ST_Collect(h.geom::geometry))::geography AS geom
  FROM states s
  JOIN datasets d ON d.id = s.dataset_id AND d.is_current
  LEFT JOIN hospitals h ON h.dataset_id = s.dataset_id AND h.state_code = s.code
  GROUP BY s.code, s.fips, s.name, s.kind;
