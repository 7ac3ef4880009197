-- Chat history: sessions and their messages, numbered per session without gaps.
CREATE TABLE chat_sessions (
    tenant_id            TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id                   TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    title                TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description          TEXT             CHECK (description IS NULL OR length(description) <= 10000),
    user_id              TEXT    NOT NULL CHECK (length(user_id) BETWEEN 1 AND 128),
    agent_id             TEXT             CHECK (agent_id IS NULL OR length(agent_id) <= 128),
    status               TEXT    NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'COMPLETED', 'FAILED', 'ARCHIVED')),
    model                TEXT             CHECK (model IS NULL OR length(model) <= 200),
    provider             TEXT             CHECK (provider IS NULL OR length(provider) <= 200),
    created_at           TEXT    NOT NULL,
    last_modified_at     TEXT    NOT NULL,
    total_tokens_used    INTEGER NOT NULL CHECK (total_tokens_used >= 0),
    -- The cost in hundred-millionths (8 decimal places): exact, and sortable as a number.
    estimated_cost_units INTEGER NOT NULL CHECK (estimated_cost_units BETWEEN 0 AND 100000000000000000),
    total_duration_nanos INTEGER NOT NULL CHECK (total_duration_nanos >= 0),
    tags                 TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    summary              TEXT             CHECK (summary IS NULL OR length(summary) <= 10000),
    custom_data          TEXT             CHECK (custom_data IS NULL OR json_valid(custom_data)),
    -- The number of the session's last message; the next one takes this plus one.
    message_count        INTEGER NOT NULL DEFAULT 0 CHECK (message_count >= 0),
    version              INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);

-- A user's sessions, most recently modified first.
CREATE INDEX chat_sessions_user ON chat_sessions (tenant_id, user_id, last_modified_at);

CREATE TABLE chat_messages (
    tenant_id         TEXT    NOT NULL,
    id                TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    session_id        TEXT    NOT NULL,
    role              TEXT    NOT NULL CHECK (role IN ('SYSTEM', 'USER', 'ASSISTANT', 'TOOL')),
    content           TEXT    NOT NULL CHECK (length(content) <= 1048576),
    timestamp         TEXT    NOT NULL,
    token_count       INTEGER NOT NULL CHECK (token_count BETWEEN 0 AND 10000000),
    sequence_number   INTEGER NOT NULL CHECK (sequence_number >= 1),
    parent_message_id TEXT             CHECK (parent_message_id IS NULL OR length(parent_message_id) <= 128),
    tool_call_id      TEXT             CHECK (tool_call_id IS NULL OR length(tool_call_id) <= 128),
    status            TEXT    NOT NULL CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    error             TEXT             CHECK (error IS NULL OR length(error) <= 10000),
    version           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    -- Numbers are unique per session, whatever a caller does; reads page by this key.
    UNIQUE (tenant_id, session_id, sequence_number)
    -- No foreign key to the session, as in workflow_step_executions: an area can be copied on its own.
);
