-- A counter's execution time is kept as whole seconds and the nanoseconds under a second, each summed on its own.
-- One run may last ~292 years (what a long of nanoseconds holds), so one sum of nanoseconds overflowed with a few
-- such runs in an hour (legacy files carry them): SQLite turned the sum into a REAL and the reader wrapped it to a
-- negative total. The two sums stay exact for far more tasks than a store holds. The counters are counted again
-- from the tasks, which they equal by design (the integrity check's TASK_COUNTERS rule), so a row an overflow had
-- spoilt is mended too.
CREATE TABLE task_counts_parts (
    tenant_id         TEXT    NOT NULL,
    hour              TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    tasks             INTEGER NOT NULL,
    execution_seconds INTEGER NOT NULL,
    execution_nanos   INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, hour, status)
) WITHOUT ROWID;

INSERT INTO task_counts_parts (tenant_id, hour, status, tasks, execution_seconds, execution_nanos)
SELECT tenant_id, substr(created_at, 1, 13), status, count(*),
       coalesce(sum(execution_duration_nanos / 1000000000), 0), coalesce(sum(execution_duration_nanos % 1000000000), 0)
FROM tasks GROUP BY tenant_id, substr(created_at, 1, 13), status;

DROP TABLE task_counts;
ALTER TABLE task_counts_parts RENAME TO task_counts;
