-- Retention may remove audit entries (off by default): the append-only trigger lets a delete through only
-- while the retention unit holds the permit, a row it inserts and deletes in its own transaction.
CREATE TABLE retention_permits (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER audit_log_is_append_only_delete;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM retention_permits)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only; only retention removes old entries');
END;

-- An execution another one was started or forked from is still referenced: retention asks per candidate.
CREATE INDEX workflow_executions_parent ON workflow_executions (tenant_id, parent_execution_id)
    WHERE parent_execution_id IS NOT NULL;
CREATE INDEX workflow_executions_forked ON workflow_executions (tenant_id, forked_from)
    WHERE forked_from IS NOT NULL;
