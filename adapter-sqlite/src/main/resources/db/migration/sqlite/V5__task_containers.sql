-- The parent task of a template's steps is a container: never claimed, finished with its steps.
ALTER TABLE tasks ADD COLUMN container INTEGER NOT NULL DEFAULT 0 CHECK (container IN (0, 1));
-- A step waits for the steps before it: found through its parent, in step order.
CREATE INDEX tasks_steps ON tasks (tenant_id, parent_task_id, workflow_step) WHERE parent_task_id IS NOT NULL;
