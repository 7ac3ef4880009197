-- Routing audit: each decision with the candidates it weighed (append-only; the outcome is set once),
-- and the running statistics per agent that outcomes update.
CREATE TABLE routing_decisions (
    tenant_id             TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id                    TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    task_id               TEXT    NOT NULL CHECK (length(task_id) BETWEEN 1 AND 128),
    task_type             TEXT    NOT NULL CHECK (length(task_type) BETWEEN 1 AND 100),
    required_capability   TEXT             CHECK (required_capability IS NULL OR length(required_capability) <= 100),
    selected_agent        TEXT    NOT NULL CHECK (length(selected_agent) BETWEEN 1 AND 200),
    priority              TEXT    NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'CRITICAL')),
    agent_score           REAL    NOT NULL,
    strategy              TEXT             CHECK (strategy IS NULL OR length(strategy) <= 100),
    success               INTEGER NOT NULL CHECK (success IN (0, 1)),
    error_message         TEXT             CHECK (error_message IS NULL OR length(error_message) <= 10000),
    retry_attempts        INTEGER NOT NULL CHECK (retry_attempts BETWEEN 0 AND 1000),
    routing_duration_nanos INTEGER NOT NULL CHECK (routing_duration_nanos BETWEEN 0 AND 86400000000000),
    routed_at             TEXT    NOT NULL,
    workflow_execution_id TEXT             CHECK (workflow_execution_id IS NULL OR length(workflow_execution_id) <= 100),
    workflow_step_id      TEXT             CHECK (workflow_step_id IS NULL OR length(workflow_step_id) <= 100),
    -- The outcome: all four set together, once.
    outcome_success       INTEGER          CHECK (outcome_success IS NULL OR outcome_success IN (0, 1)),
    outcome_duration_nanos INTEGER         CHECK (outcome_duration_nanos IS NULL
                                                  OR outcome_duration_nanos BETWEEN 0 AND 2592000000000000),
    outcome_error         TEXT             CHECK (outcome_error IS NULL OR length(outcome_error) <= 10000),
    outcome_at            TEXT,
    PRIMARY KEY (tenant_id, id),
    CHECK ((outcome_at IS NULL) = (outcome_success IS NULL)
           AND (outcome_at IS NULL) = (outcome_duration_nanos IS NULL)),
    CHECK (outcome_at IS NOT NULL OR outcome_error IS NULL),
    CHECK (workflow_step_id IS NULL OR workflow_execution_id IS NOT NULL)
);

-- The filters of GET /routing-decisions, newest first, and the recount since a date.
CREATE INDEX routing_decisions_routed ON routing_decisions (tenant_id, routed_at);
CREATE INDEX routing_decisions_task ON routing_decisions (tenant_id, task_id);
CREATE INDEX routing_decisions_agent ON routing_decisions (tenant_id, selected_agent, routed_at);
CREATE INDEX routing_decisions_workflow ON routing_decisions (tenant_id, workflow_execution_id)
    WHERE workflow_execution_id IS NOT NULL;

CREATE TABLE routing_candidates (
    tenant_id        TEXT    NOT NULL,
    decision_id      TEXT    NOT NULL,
    position         INTEGER NOT NULL CHECK (position BETWEEN 0 AND 499),
    agent_key        TEXT    NOT NULL CHECK (length(agent_key) BETWEEN 1 AND 200),
    score            REAL    NOT NULL,
    excluded_reason  TEXT             CHECK (excluded_reason IS NULL OR length(excluded_reason) <= 1000),
    PRIMARY KEY (tenant_id, decision_id, position),
    UNIQUE (tenant_id, decision_id, agent_key),
    FOREIGN KEY (tenant_id, decision_id) REFERENCES routing_decisions (tenant_id, id)
) WITHOUT ROWID;

CREATE TABLE routing_statistics (
    tenant_id            TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    agent_key            TEXT    NOT NULL CHECK (length(agent_key) BETWEEN 1 AND 200),
    -- The key is the row's id; the paging queries order by id.
    id                   TEXT    GENERATED ALWAYS AS (agent_key) VIRTUAL,
    total                INTEGER NOT NULL CHECK (total >= 0),
    successful           INTEGER NOT NULL CHECK (successful >= 0),
    failed               INTEGER NOT NULL CHECK (failed >= 0),
    total_duration_nanos INTEGER NOT NULL CHECK (total_duration_nanos >= 0),
    -- Derived as the domain derives them (IEEE division; nanoseconds rounded down), so lists can sort and
    -- filter by them.
    success_rate         REAL    GENERATED ALWAYS AS (CASE WHEN total = 0 THEN 0.0
                                                           ELSE CAST(successful AS REAL) / total END) VIRTUAL,
    average_duration_nanos INTEGER GENERATED ALWAYS AS (CASE WHEN total = 0 THEN 0
                                                             ELSE total_duration_nanos / total END) VIRTUAL,
    last_updated         TEXT    NOT NULL,
    version              INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, agent_key),
    CHECK (total = successful + failed)
);
