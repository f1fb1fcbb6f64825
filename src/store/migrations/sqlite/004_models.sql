-- The model registry: every trained model with what it was trained on, how, and how well it does.
-- The artifact is what prediction loads; a copy is also written to the models/ directory.
CREATE TABLE models (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,                    -- rating, cost, clusters, outcome
  version TEXT NOT NULL,                 -- content hash of the artifact, features and parameters
  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  trained_at TEXT NOT NULL,              -- ISO 8601 UTC
  algorithm TEXT NOT NULL,
  features TEXT NOT NULL,                -- JSON
  parameters TEXT NOT NULL,              -- JSON
  metrics TEXT NOT NULL,                 -- JSON
  details TEXT NOT NULL,                 -- JSON
  artifact TEXT NOT NULL
);
CREATE INDEX models_dataset_name ON models (dataset_id, name, id);
