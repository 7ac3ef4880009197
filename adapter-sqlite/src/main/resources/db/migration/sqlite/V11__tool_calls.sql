-- The tools a model called while writing a message.
CREATE TABLE tool_calls (
    tenant_id      TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id             TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    message_id     TEXT    NOT NULL CHECK (length(message_id) BETWEEN 1 AND 128),
    session_id     TEXT    NOT NULL CHECK (length(session_id) BETWEEN 1 AND 128),
    name           TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    arguments      TEXT    NOT NULL CHECK (length(arguments) <= 8000 AND json_valid(arguments)),
    result         TEXT             CHECK (result IS NULL OR (length(result) <= 8000 AND json_valid(result))),
    success        INTEGER NOT NULL CHECK (success IN (0, 1)),
    error          TEXT             CHECK (error IS NULL OR length(error) <= 10000),
    executed_at    TEXT    NOT NULL,
    duration_nanos INTEGER NOT NULL CHECK (duration_nanos >= 0),
    PRIMARY KEY (tenant_id, id)
    -- No foreign key to the message, as for chat messages: an area can be copied on its own.
);

-- A message's calls, and a session's tool usage.
CREATE INDEX tool_calls_message ON tool_calls (tenant_id, message_id);
CREATE INDEX tool_calls_session ON tool_calls (tenant_id, session_id, name);
