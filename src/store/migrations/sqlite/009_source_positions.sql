-- dataset_sources gets the `position` column PostgreSQL has had since its 001, so both dialects read a
-- version's sources in the order ingest read them with the same statement (SQLite used rowid order).
-- The hospitals_location index of migration 007 goes: the only queries that used it (the store's
-- nearest-k and radius searches) had no caller, since the server answers from its in-memory grid and the
-- access analysis loads a version's emergency hospitals into the same grid. A load no longer maintains it
-- (542k hospitals: about 0.9 s of the 100x load).
ALTER TABLE dataset_sources ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE dataset_sources SET position = rowid;
DROP INDEX hospitals_location;
