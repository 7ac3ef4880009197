-- The limits below repeat the domain's constraints (DOMAIN.md): bad data is refused at both doors.
-- Times are fixed-width ISO-8601 UTC text with nine fractional digits, so text order is time order.
-- Durations are whole nanoseconds. Enums are stored as their names.
-- journal_mode=WAL is set on the connection, never here: it cannot change inside a transaction.

CREATE TABLE repositories (
    tenant_id                   TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id                          TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    name                        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    path                        TEXT    NOT NULL CHECK (length(path) BETWEEN 1 AND 500),
    description                 TEXT             CHECK (description IS NULL OR length(description) <= 2000),
    type                        TEXT    NOT NULL CHECK (type IN ('GIT', 'SVN', 'LOCAL', 'REMOTE')),
    active                      INTEGER NOT NULL CHECK (active IN (0, 1)),
    settings                    TEXT             CHECK (settings IS NULL OR json_valid(settings)),
    default_branch              TEXT             CHECK (default_branch IS NULL OR length(default_branch) <= 255),
    allowed_operations          TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(allowed_operations)),
    access_level                TEXT    NOT NULL CHECK (access_level IN ('READ_ONLY', 'READ_WRITE', 'ADMIN')),
    owner_user_id               TEXT             CHECK (owner_user_id IS NULL OR length(owner_user_id) <= 128),
    total_tasks                 INTEGER NOT NULL DEFAULT 0 CHECK (total_tasks >= 0),
    successful_tasks            INTEGER NOT NULL DEFAULT 0 CHECK (successful_tasks >= 0),
    failed_tasks                INTEGER NOT NULL DEFAULT 0 CHECK (failed_tasks >= 0),
    total_execution_time_nanos  INTEGER NOT NULL DEFAULT 0 CHECK (total_execution_time_nanos >= 0),
    last_task_executed_at       TEXT,
    performance_rating          REAL    NOT NULL DEFAULT 0 CHECK (performance_rating BETWEEN 0 AND 10),
    reliability_score           REAL    NOT NULL DEFAULT 0 CHECK (reliability_score BETWEEN 0 AND 1),
    last_accessed_at            TEXT,
    created_at                  TEXT    NOT NULL,
    created_by                  TEXT,
    updated_at                  TEXT    NOT NULL,
    updated_by                  TEXT,
    version                     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, path),
    CHECK (successful_tasks + failed_tasks <= total_tasks)
);

CREATE TABLE agents (
    tenant_id                   TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id                          TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128
                                                        AND id NOT GLOB '*[^A-Za-z0-9._:@-]*'),
    name                        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    type                        TEXT    NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
    repository_path             TEXT    NOT NULL CHECK (length(repository_path) BETWEEN 1 AND 500),
    repository_id               TEXT,
    status                      TEXT    NOT NULL CHECK (status IN ('IDLE', 'BUSY', 'ERROR', 'OFFLINE')),
    last_ping                   TEXT    NOT NULL,
    current_task_id             TEXT             CHECK (current_task_id IS NULL OR length(current_task_id) <= 128),
    session_id                  TEXT             CHECK (session_id IS NULL OR length(session_id) <= 128),
    capabilities                TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(capabilities)),
    configuration               TEXT             CHECK (configuration IS NULL OR json_valid(configuration)),
    legacy_attributes           TEXT             CHECK (legacy_attributes IS NULL OR json_valid(legacy_attributes)),
    max_concurrent_tasks        INTEGER NOT NULL DEFAULT 1 CHECK (max_concurrent_tasks BETWEEN 1 AND 10),
    health_check_interval_nanos INTEGER NOT NULL CHECK (health_check_interval_nanos > 0),
    tasks_completed             INTEGER NOT NULL DEFAULT 0 CHECK (tasks_completed >= 0),
    tasks_failed                INTEGER NOT NULL DEFAULT 0 CHECK (tasks_failed >= 0),
    total_execution_time_nanos  INTEGER NOT NULL DEFAULT 0 CHECK (total_execution_time_nanos >= 0),
    created_at                  TEXT    NOT NULL,
    created_by                  TEXT,
    updated_at                  TEXT    NOT NULL,
    updated_by                  TEXT,
    deleted_at                  TEXT,
    deleted_by                  TEXT,
    version                     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, repository_id) REFERENCES repositories (tenant_id, id)
);

CREATE INDEX agents_by_status ON agents (tenant_id, status) WHERE deleted_at IS NULL;
CREATE INDEX agents_by_path ON agents (tenant_id, repository_path) WHERE deleted_at IS NULL;
CREATE INDEX agents_by_last_ping ON agents (tenant_id, last_ping) WHERE deleted_at IS NULL;
CREATE INDEX agents_by_repository ON agents (tenant_id, repository_id) WHERE repository_id IS NOT NULL;

-- A rowid table: results reach a megabyte, which a WITHOUT ROWID table keeps badly.
CREATE TABLE tasks (
    row_id                      INTEGER PRIMARY KEY,
    tenant_id                   TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id                          TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128
                                                        AND id NOT GLOB '*[^A-Za-z0-9._:@-]*'),
    command                     TEXT    NOT NULL CHECK (length(command) BETWEEN 1 AND 2000),
    repository_path             TEXT    NOT NULL CHECK (length(repository_path) BETWEEN 1 AND 500),
    repository_id               TEXT,
    agent_id                    TEXT,
    priority                    TEXT    NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'CRITICAL')),
    -- Rank of the priority, so that the claim index orders by it.
    priority_rank               INTEGER GENERATED ALWAYS AS (
                                    CASE priority WHEN 'LOW' THEN 0 WHEN 'NORMAL' THEN 1
                                                  WHEN 'HIGH' THEN 2 WHEN 'CRITICAL' THEN 3 END) VIRTUAL,
    status                      TEXT    NOT NULL CHECK (status IN ('PENDING', 'ASSIGNED', 'IN_PROGRESS',
                                                                   'COMPLETED', 'FAILED', 'CANCELLED')),
    created_at                  TEXT    NOT NULL,
    assigned_at                 TEXT,
    started_at                  TEXT,
    completed_at                TEXT,
    execution_duration_nanos    INTEGER          CHECK (execution_duration_nanos IS NULL
                                                        OR execution_duration_nanos >= 0),
    result                      TEXT             CHECK (result IS NULL OR length(result) <= 1000000),
    error_message               TEXT             CHECK (error_message IS NULL OR length(error_message) <= 10000),
    retry_count                 INTEGER NOT NULL DEFAULT 0 CHECK (retry_count BETWEEN 0 AND 10),
    correlation_id              TEXT             CHECK (correlation_id IS NULL OR length(correlation_id) <= 128),
    workflow_id                 TEXT             CHECK (workflow_id IS NULL OR length(workflow_id) <= 128),
    workflow_step               INTEGER NOT NULL DEFAULT 0 CHECK (workflow_step >= 0),
    parent_task_id              TEXT,
    progress_percentage         INTEGER NOT NULL DEFAULT 0 CHECK (progress_percentage BETWEEN 0 AND 100),
    progress_message            TEXT             CHECK (progress_message IS NULL OR length(progress_message) <= 1000),
    progress_updated_at         TEXT,
    lease_token                 TEXT,
    lease_expires_at            TEXT,
    updated_at                  TEXT    NOT NULL,
    version                     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id),
    FOREIGN KEY (tenant_id, repository_id) REFERENCES repositories (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_task_id) REFERENCES tasks (tenant_id, id),
    CHECK (assigned_at IS NULL OR assigned_at >= created_at),
    CHECK (started_at IS NULL OR started_at >= created_at),
    CHECK (completed_at IS NULL OR completed_at >= coalesce(started_at, created_at)),
    CHECK (status NOT IN ('ASSIGNED', 'IN_PROGRESS') OR agent_id IS NOT NULL),
    CHECK ((lease_token IS NULL) = (lease_expires_at IS NULL))
);

-- The claim: highest priority, oldest, on one path or on any.
CREATE INDEX tasks_claim_on_path ON tasks (tenant_id, status, repository_path, priority_rank DESC, created_at, id);
CREATE INDEX tasks_claim_any ON tasks (tenant_id, status, priority_rank DESC, created_at, id);
CREATE INDEX tasks_by_agent ON tasks (tenant_id, agent_id, status) WHERE agent_id IS NOT NULL;
CREATE INDEX tasks_by_created ON tasks (tenant_id, created_at);
CREATE INDEX tasks_by_repository ON tasks (tenant_id, repository_id, created_at) WHERE repository_id IS NOT NULL;
CREATE INDEX tasks_by_correlation ON tasks (tenant_id, correlation_id) WHERE correlation_id IS NOT NULL;
CREATE INDEX tasks_by_workflow ON tasks (tenant_id, workflow_id, workflow_step) WHERE workflow_id IS NOT NULL;
CREATE INDEX tasks_by_parent ON tasks (tenant_id, parent_task_id) WHERE parent_task_id IS NOT NULL;
CREATE INDEX tasks_running_since ON tasks (tenant_id, status, started_at);

CREATE TABLE user_preferences (
    tenant_id                   TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id                          TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    user_id                     TEXT    NOT NULL CHECK (length(user_id) BETWEEN 1 AND 128),
    key                         TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    value                       TEXT    NOT NULL CHECK (length(value) <= 100000),
    value_type                  TEXT    NOT NULL CHECK (value_type IN ('STRING', 'INTEGER', 'DECIMAL', 'BOOLEAN', 'JSON')),
    category                    TEXT             CHECK (category IS NULL OR length(category) <= 100),
    repository_id               TEXT,
    agent_id                    TEXT,
    description                 TEXT             CHECK (description IS NULL OR length(description) <= 1000),
    read_only                   INTEGER NOT NULL DEFAULT 0 CHECK (read_only IN (0, 1)),
    sensitive                   INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
    created_at                  TEXT    NOT NULL,
    created_by                  TEXT,
    updated_at                  TEXT    NOT NULL,
    updated_by                  TEXT,
    version                     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    CHECK (value_type <> 'BOOLEAN' OR value IN ('true', 'false')),
    CHECK (value_type <> 'INTEGER' OR (length(ltrim(value, '-')) BETWEEN 1 AND 19
                                       AND ltrim(value, '-') NOT GLOB '*[^0-9]*')),
    CHECK (value_type <> 'JSON' OR json_valid(value))
);

-- Scope columns are NULL for "any"; the unique key treats two NULLs as equal.
CREATE UNIQUE INDEX user_preferences_scope_key
    ON user_preferences (tenant_id, user_id, key, coalesce(repository_id, ''), coalesce(agent_id, ''));
CREATE INDEX user_preferences_by_category ON user_preferences (tenant_id, category);

CREATE TABLE audit_log (
    row_id                      INTEGER PRIMARY KEY,
    tenant_id                   TEXT    NOT NULL,
    id                          TEXT    NOT NULL,
    entity_type                 TEXT    NOT NULL CHECK (length(entity_type) BETWEEN 1 AND 100),
    entity_id                   TEXT    NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 255),
    action                      TEXT    NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'EXECUTE',
                                                                   'RESTORE', 'REPAIR', 'IMPORT')),
    old_values                  TEXT             CHECK (old_values IS NULL OR json_valid(old_values)),
    new_values                  TEXT             CHECK (new_values IS NULL OR json_valid(new_values)),
    changed_properties          TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(changed_properties)),
    user_id                     TEXT,
    correlation_id              TEXT,
    timestamp                   TEXT    NOT NULL,
    success                     INTEGER NOT NULL CHECK (success IN (0, 1)),
    error                       TEXT,
    risk_level                  INTEGER NOT NULL DEFAULT 0 CHECK (risk_level BETWEEN 0 AND 3),
    UNIQUE (tenant_id, id)
);

CREATE INDEX audit_log_by_entity ON audit_log (tenant_id, entity_type, entity_id, timestamp);
CREATE INDEX audit_log_by_time ON audit_log (tenant_id, timestamp);

-- Append-only: history is never rewritten.
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
