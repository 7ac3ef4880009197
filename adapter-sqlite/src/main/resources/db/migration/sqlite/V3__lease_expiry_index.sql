-- The lease reaper looks for claimed tasks whose lease has run out.
CREATE INDEX tasks_by_lease_expiry ON tasks (tenant_id, lease_expires_at) WHERE lease_expires_at IS NOT NULL;
