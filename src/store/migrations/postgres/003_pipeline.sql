-- Pipeline runs and their task attempts (see migrations/sqlite/005_pipeline.sql). Two runs never overlap:
-- the runner holds a session advisory lock, which the server releases if the runner dies.
CREATE TABLE pipeline_runs (
  id BIGSERIAL PRIMARY KEY,
  trigger TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  dataset_version TEXT,
  error TEXT
);

CREATE TABLE pipeline_task_runs (
  id BIGSERIAL PRIMARY KEY,
  run_id BIGINT NOT NULL REFERENCES pipeline_runs (id) ON DELETE CASCADE,
  task TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed', 'timed_out', 'skipped')),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  duration_seconds DOUBLE PRECISION NOT NULL,
  error TEXT NOT NULL,
  dataset_version TEXT NOT NULL
);
CREATE INDEX pipeline_task_runs_run ON pipeline_task_runs (run_id, id);
