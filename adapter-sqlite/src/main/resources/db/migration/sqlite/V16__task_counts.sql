-- Tasks per creation hour and status, kept by triggers in the transaction that writes the task, so analytics
-- over a period read hours, not tasks, and every path that writes tasks (the queue, imports, copies, repairs,
-- retention) keeps them exact. `hour` is the first 13 characters of the fixed-width UTC creation time.
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

CREATE TRIGGER task_counts_insert AFTER INSERT ON tasks
BEGIN
    INSERT INTO task_counts (tenant_id, hour, status, tasks, execution_nanos)
    VALUES (new.tenant_id, substr(new.created_at, 1, 13), new.status, 1, coalesce(new.execution_duration_nanos, 0))
    ON CONFLICT (tenant_id, hour, status) DO UPDATE SET tasks = tasks + 1,
        execution_nanos = execution_nanos + excluded.execution_nanos;
END;

CREATE TRIGGER task_counts_delete AFTER DELETE ON tasks
BEGIN
    UPDATE task_counts SET tasks = tasks - 1,
        execution_nanos = execution_nanos - coalesce(old.execution_duration_nanos, 0)
    WHERE tenant_id = old.tenant_id AND hour = substr(old.created_at, 1, 13) AND status = old.status;
END;

CREATE TRIGGER task_counts_update AFTER UPDATE OF status, created_at, execution_duration_nanos ON tasks
WHEN old.status IS NOT new.status OR old.created_at IS NOT new.created_at
    OR old.execution_duration_nanos IS NOT new.execution_duration_nanos
BEGIN
    UPDATE task_counts SET tasks = tasks - 1,
        execution_nanos = execution_nanos - coalesce(old.execution_duration_nanos, 0)
    WHERE tenant_id = old.tenant_id AND hour = substr(old.created_at, 1, 13) AND status = old.status;
    INSERT INTO task_counts (tenant_id, hour, status, tasks, execution_nanos)
    VALUES (new.tenant_id, substr(new.created_at, 1, 13), new.status, 1, coalesce(new.execution_duration_nanos, 0))
    ON CONFLICT (tenant_id, hour, status) DO UPDATE SET tasks = tasks + 1,
        execution_nanos = execution_nanos + excluded.execution_nanos;
END;
