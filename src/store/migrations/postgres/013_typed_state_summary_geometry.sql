-- state_summaries' centroid as a typed column, geography(Point, 4326): without the type modifier, GIS readers
-- (GDAL's ogrinfo, QGIS) saw "Geometry: Unknown (any)" with no SRS. Same rows and columns as before.
DROP VIEW state_summaries;
CREATE VIEW state_summaries AS
  SELECT s.code, s.fips, s.name, s.kind,
         count(h.id) AS hospitals,
         count(h.rating) AS rated,
         avg(h.rating)::double precision AS mean_rating,
         count(h.id) FILTER (WHERE h.emergency_services) AS emergency_services,
         ST_Centroid(ST_Collect(h.geom::geometry))::geography(Point, 4326) AS geom
  FROM states s
  JOIN datasets d ON d.id = s.dataset_id AND d.is_current
  LEFT JOIN hospitals h ON h.dataset_id = s.dataset_id AND h.state_code = s.code
  GROUP BY s.code, s.fips, s.name, s.kind;
