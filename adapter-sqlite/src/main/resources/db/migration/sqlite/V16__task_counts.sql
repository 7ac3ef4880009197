-- Tasks per creation hour and status with their execution time, kept by the store's task port in the
-- transaction that writes the task (a batch adds one row per hour and status it touches; triggers on tasks were
-- measured far slower for batches), so analytics over a period read hours, not tasks. `hour` is the first 13
-- characters of the fixed-width UTC creation time; a count may pass through 0 and stays as a row.
CREATE TABLE task_counts (
    tenant_id       TEXT    NOT NULL,
    hour            TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    tasks           INTEGER NOT NULL,
    execution_nanos INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, hour, status)
) WITHOUT ROWID;

INSERT INTO task_counts (tenant_id, hour, status, tasks, execution_nanos)
SELECT tenant_id, substr(created_at, 1, 13), status, count(*), coalesce(sum(execution_duration_nanos), 0)
FROM tasks GROUP BY tenant_id, substr(created_at, 1, 13), status;
