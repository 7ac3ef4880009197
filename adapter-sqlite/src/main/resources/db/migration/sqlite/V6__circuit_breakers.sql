-- Circuit breakers: one row per agent key, and the append-only history of their moves.
CREATE TABLE circuit_breaker_states (
    tenant_id          TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    agent_key          TEXT    NOT NULL CHECK (length(agent_key) BETWEEN 1 AND 200),
    -- The key is the breaker's id; the paging queries order by id.
    id                 TEXT    GENERATED ALWAYS AS (agent_key) VIRTUAL,
    state              TEXT    NOT NULL CHECK (state IN ('CLOSED', 'OPEN', 'HALF_OPEN')),
    failure_count      INTEGER NOT NULL CHECK (failure_count >= 0),
    success_count      INTEGER NOT NULL CHECK (success_count >= 0),
    failure_threshold  INTEGER NOT NULL CHECK (failure_threshold BETWEEN 1 AND 10000),
    cool_down_nanos    INTEGER NOT NULL CHECK (cool_down_nanos > 0 AND cool_down_nanos <= 2592000000000000),
    opened_at          TEXT,
    reset_at           TEXT,
    last_updated       TEXT    NOT NULL,
    version            INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, agent_key),
    CHECK (state <> 'OPEN' OR (opened_at IS NOT NULL AND reset_at IS NOT NULL)),
    CHECK (state <> 'CLOSED' OR (opened_at IS NULL AND reset_at IS NULL)),
    CHECK (reset_at IS NULL OR opened_at IS NULL OR reset_at >= opened_at)
);

-- Recovery looks for OPEN circuits whose reset time has passed.
CREATE INDEX circuit_breaker_states_due ON circuit_breaker_states (tenant_id, reset_at) WHERE state = 'OPEN';

CREATE TABLE circuit_transitions (
    tenant_id          TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id                 TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    agent_key          TEXT    NOT NULL CHECK (length(agent_key) BETWEEN 1 AND 200),
    from_state         TEXT    NOT NULL CHECK (from_state IN ('CLOSED', 'OPEN', 'HALF_OPEN')),
    to_state           TEXT    NOT NULL CHECK (to_state IN ('CLOSED', 'OPEN', 'HALF_OPEN')),
    reason             TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    failure_count      INTEGER NOT NULL CHECK (failure_count >= 0),
    success_count      INTEGER NOT NULL CHECK (success_count >= 0),
    occurred_at        TEXT    NOT NULL,
    changed_by         TEXT             CHECK (changed_by IS NULL OR length(changed_by) <= 255),
    -- No foreign key, as in audit_log: history is kept whatever happens to the breaker's row.
    PRIMARY KEY (tenant_id, id)
);

-- The history of one breaker, newest first.
CREATE INDEX circuit_transitions_by_key ON circuit_transitions (tenant_id, agent_key, occurred_at);
