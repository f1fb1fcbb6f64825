-- Pipeline runs and their task attempts (hci pipeline run / schedule), and the lock that keeps two runs
-- from overlapping (PostgreSQL uses an advisory lock instead).
CREATE TABLE pipeline_runs (
  id INTEGER PRIMARY KEY,
  trigger TEXT NOT NULL,                 -- manual or schedule
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  started_at TEXT NOT NULL,              -- ISO 8601 UTC
  finished_at TEXT,
  dataset_version TEXT,                  -- the version the run produced (versions may be pruned later)
  error TEXT
);

CREATE TABLE pipeline_task_runs (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES pipeline_runs (id) ON DELETE CASCADE,
  task TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed', 'timed_out', 'skipped')),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  duration_seconds REAL NOT NULL,
  error TEXT NOT NULL,
  dataset_version TEXT NOT NULL
);
CREATE INDEX pipeline_task_runs_run ON pipeline_task_runs (run_id, id);

CREATE TABLE pipeline_lock (
  name TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  expires_at INTEGER NOT NULL            -- Unix seconds: a crashed holder's lock lapses
);
