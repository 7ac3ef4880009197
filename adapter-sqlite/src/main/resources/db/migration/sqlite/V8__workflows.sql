-- Workflow definitions (every version of each name; content never rewritten), their executions, and one
-- row per attempt of each step.
CREATE TABLE workflow_definitions (
    tenant_id            TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id                   TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    name                 TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    workflow_version     TEXT    NOT NULL CHECK (length(workflow_version) BETWEEN 5 AND 100),
    previous_version_id  TEXT             CHECK (previous_version_id IS NULL OR length(previous_version_id) <= 128),
    content_hash         TEXT    NOT NULL CHECK (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'),
    input_schema         TEXT             CHECK (input_schema IS NULL OR json_valid(input_schema)),
    output_schema        TEXT             CHECK (output_schema IS NULL OR json_valid(output_schema)),
    category             TEXT             CHECK (category IS NULL OR length(category) <= 100),
    tags                 TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    author               TEXT             CHECK (author IS NULL OR length(author) <= 255),
    public               INTEGER NOT NULL CHECK (public IN (0, 1)),
    active               INTEGER NOT NULL CHECK (active IN (0, 1)),
    latest               INTEGER NOT NULL CHECK (latest IN (0, 1)),
    executions_started   INTEGER NOT NULL DEFAULT 0 CHECK (executions_started >= 0),
    executions_completed INTEGER NOT NULL DEFAULT 0 CHECK (executions_completed >= 0),
    executions_failed    INTEGER NOT NULL DEFAULT 0 CHECK (executions_failed >= 0),
    created_at           TEXT    NOT NULL,
    created_by           TEXT             CHECK (created_by IS NULL OR length(created_by) <= 255),
    revision             INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name, workflow_version)
);

-- One latest version per name; the lists filter by name and by latest.
CREATE UNIQUE INDEX workflow_definitions_latest ON workflow_definitions (tenant_id, name) WHERE latest = 1;

CREATE TABLE workflow_definition_steps (
    tenant_id      TEXT    NOT NULL,
    definition_id  TEXT    NOT NULL,
    position       INTEGER NOT NULL CHECK (position BETWEEN 0 AND 499),
    step_id        TEXT    NOT NULL CHECK (length(step_id) BETWEEN 1 AND 100),
    type           TEXT    NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
    command        TEXT             CHECK (command IS NULL OR length(command) <= 10000),
    depends_on     TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(depends_on) AND json_type(depends_on) = 'array'),
    PRIMARY KEY (tenant_id, definition_id, position),
    UNIQUE (tenant_id, definition_id, step_id),
    FOREIGN KEY (tenant_id, definition_id) REFERENCES workflow_definitions (tenant_id, id)
) WITHOUT ROWID;

-- A stored version's content never changes: only its bookkeeping columns may be updated.
CREATE TRIGGER workflow_definitions_content_immutable
BEFORE UPDATE OF tenant_id, id, name, workflow_version, previous_version_id, content_hash, input_schema,
    output_schema, category, tags, author, public, created_at, created_by ON workflow_definitions
BEGIN
    SELECT RAISE(ABORT, 'the content of a workflow definition version never changes; store a new version');
END;

CREATE TRIGGER workflow_definition_steps_immutable_update
BEFORE UPDATE ON workflow_definition_steps
BEGIN
    SELECT RAISE(ABORT, 'the steps of a workflow definition version never change; store a new version');
END;

CREATE TRIGGER workflow_definition_steps_immutable_delete
BEFORE DELETE ON workflow_definition_steps
BEGIN
    SELECT RAISE(ABORT, 'the steps of a workflow definition version never change; store a new version');
END;

CREATE TABLE workflow_executions (
    tenant_id           TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id                  TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 100),
    definition_id       TEXT    NOT NULL CHECK (length(definition_id) BETWEEN 1 AND 128),
    workflow_name       TEXT    NOT NULL CHECK (length(workflow_name) BETWEEN 1 AND 200),
    workflow_version    TEXT    NOT NULL CHECK (length(workflow_version) BETWEEN 5 AND 100),
    content_hash        TEXT    NOT NULL CHECK (length(content_hash) = 64),
    status              TEXT    NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'BLOCKED', 'COMPLETED', 'FAILED',
                                                           'CANCELLED')),
    context             TEXT    NOT NULL CHECK (json_valid(context)),
    input               TEXT    NOT NULL CHECK (json_valid(input)),
    output              TEXT             CHECK (output IS NULL OR json_valid(output)),
    current_stage       TEXT             CHECK (current_stage IS NULL OR length(current_stage) <= 200),
    error_message       TEXT             CHECK (error_message IS NULL OR length(error_message) <= 10000),
    created_at          TEXT    NOT NULL,
    started_at          TEXT,
    completed_at        TEXT,
    initiated_by        TEXT             CHECK (initiated_by IS NULL OR length(initiated_by) <= 255),
    tags                TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    parent_execution_id TEXT             CHECK (parent_execution_id IS NULL OR length(parent_execution_id) <= 100),
    forked_from         TEXT             CHECK (forked_from IS NULL OR length(forked_from) <= 100),
    forked_from_step_id TEXT             CHECK (forked_from_step_id IS NULL OR length(forked_from_step_id) <= 100),
    executor_id         TEXT             CHECK (executor_id IS NULL OR length(executor_id) <= 255),
    lease_token         TEXT             CHECK (lease_token IS NULL OR length(lease_token) <= 64),
    lease_expires_at    TEXT,
    recovery_attempts   INTEGER NOT NULL DEFAULT 0 CHECK (recovery_attempts BETWEEN 0 AND 1000),
    updated_at          TEXT    NOT NULL,
    version             INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    CHECK ((lease_token IS NULL) = (lease_expires_at IS NULL) AND (lease_token IS NULL) = (executor_id IS NULL)),
    CHECK (status IN ('PENDING', 'RUNNING', 'BLOCKED') OR lease_token IS NULL),
    CHECK (status NOT IN ('PENDING', 'RUNNING', 'BLOCKED') OR completed_at IS NULL)
);

-- Recovery and the incomplete list: incomplete executions oldest first.
CREATE INDEX workflow_executions_incomplete ON workflow_executions (tenant_id, created_at, id)
    WHERE status IN ('PENDING', 'RUNNING', 'BLOCKED');
CREATE INDEX workflow_executions_status ON workflow_executions (tenant_id, status, created_at);
CREATE INDEX workflow_executions_name ON workflow_executions (tenant_id, workflow_name, created_at);

CREATE TABLE workflow_step_executions (
    tenant_id      TEXT    NOT NULL,
    execution_id   TEXT    NOT NULL,
    step_id        TEXT    NOT NULL CHECK (length(step_id) BETWEEN 1 AND 100),
    attempt        INTEGER NOT NULL CHECK (attempt BETWEEN 1 AND 1000),
    position       INTEGER NOT NULL CHECK (position >= 1),
    -- Unique per tenant; the paging queries order by id.
    id             TEXT    GENERATED ALWAYS AS (execution_id || '/' || step_id || '/' || attempt) VIRTUAL,
    status         TEXT    NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'SKIPPED')),
    input          TEXT             CHECK (input IS NULL OR json_valid(input)),
    output         TEXT             CHECK (output IS NULL OR json_valid(output)),
    error          TEXT             CHECK (error IS NULL OR length(error) <= 10000),
    started_at     TEXT    NOT NULL,
    completed_at   TEXT,
    duration_nanos INTEGER          CHECK (duration_nanos IS NULL OR duration_nanos >= 0),
    recorded_at    TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, execution_id, step_id, attempt),
    UNIQUE (tenant_id, execution_id, position),
    CHECK ((status = 'RUNNING') = (completed_at IS NULL)),
    CHECK ((completed_at IS NULL) = (duration_nanos IS NULL))
    -- No foreign key, as in circuit_transitions: the use cases only record attempts of stored executions,
    -- and an area can be copied on its own.
);

-- An ended attempt is history: it never changes again.
CREATE TRIGGER workflow_step_executions_ended_immutable
BEFORE UPDATE ON workflow_step_executions
WHEN OLD.status <> 'RUNNING'
BEGIN
    SELECT RAISE(ABORT, 'an ended step attempt never changes; record the next attempt');
END;
