-- Tool executions of chat sessions, with the approval a person gives or refuses, and files attached to
-- messages (their bytes kept once per digest).
CREATE TABLE tool_executions (
    tenant_id                 TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id                        TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    session_id                TEXT    NOT NULL CHECK (length(session_id) BETWEEN 1 AND 128),
    tool_call_id              TEXT             CHECK (tool_call_id IS NULL OR length(tool_call_id) <= 128),
    tool_name                 TEXT    NOT NULL CHECK (length(tool_name) BETWEEN 1 AND 200),
    input                     TEXT    NOT NULL CHECK (length(input) <= 8000 AND json_valid(input)),
    output                    TEXT             CHECK (output IS NULL OR (length(output) <= 8000 AND json_valid(output))),
    agent_id                  TEXT             CHECK (agent_id IS NULL OR length(agent_id) <= 128),
    status                    TEXT    NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED',
                                                                 'CANCELLED', 'AWAITING_APPROVAL')),
    error                     TEXT             CHECK (error IS NULL OR length(error) <= 10000),
    created_at                TEXT    NOT NULL,
    started_at                TEXT,
    completed_at              TEXT,
    duration_nanos            INTEGER          CHECK (duration_nanos IS NULL OR duration_nanos >= 0),
    -- The approval: present when one was required; decided once.
    approval_requested_at     TEXT,
    approval_arguments_sha256 TEXT             CHECK (approval_arguments_sha256 IS NULL
                                                      OR (length(approval_arguments_sha256) = 64
                                                          AND approval_arguments_sha256 NOT GLOB '*[^0-9a-f]*')),
    approval_expires_at       TEXT,
    approval_decision         TEXT             CHECK (approval_decision IS NULL
                                                      OR approval_decision IN ('APPROVED', 'REJECTED', 'EXPIRED')),
    approval_by               TEXT             CHECK (approval_by IS NULL OR length(approval_by) <= 200),
    approval_at               TEXT,
    approval_reason           TEXT             CHECK (approval_reason IS NULL OR length(approval_reason) <= 2000),
    version                   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    CHECK ((approval_requested_at IS NULL) = (approval_arguments_sha256 IS NULL)),
    -- Waiting for a person exactly when a request is undecided.
    CHECK ((status = 'AWAITING_APPROVAL')
           = (approval_requested_at IS NOT NULL AND approval_decision IS NULL)),
    CHECK ((approval_decision IS NULL) = (approval_by IS NULL) AND (approval_decision IS NULL) = (approval_at IS NULL)),
    CHECK (approval_decision IS NULL OR approval_decision = 'APPROVED' OR status = 'CANCELLED')
);

-- A session's executions by status.
CREATE INDEX tool_executions_session ON tool_executions (tenant_id, session_id, status);
-- The expiry sweep reads only requests still waiting.
CREATE INDEX tool_executions_awaiting ON tool_executions (tenant_id, approval_expires_at)
    WHERE status = 'AWAITING_APPROVAL' AND approval_expires_at IS NOT NULL;

-- A decision is made once: once decided, the approval columns never change.
CREATE TRIGGER tool_executions_decided_once
BEFORE UPDATE OF approval_decision, approval_by, approval_at, approval_reason, approval_arguments_sha256,
    approval_requested_at, approval_expires_at, input ON tool_executions
WHEN OLD.approval_decision IS NOT NULL
    AND (NEW.approval_decision IS NOT OLD.approval_decision OR NEW.approval_by IS NOT OLD.approval_by
         OR NEW.approval_at IS NOT OLD.approval_at OR NEW.approval_reason IS NOT OLD.approval_reason
         OR NEW.approval_arguments_sha256 IS NOT OLD.approval_arguments_sha256 OR NEW.input IS NOT OLD.input)
BEGIN
    SELECT RAISE(ABORT, 'an approval is decided once and its arguments never change');
END;

CREATE TABLE attachment_contents (
    tenant_id TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    sha256    TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size      INTEGER NOT NULL CHECK (size BETWEEN 0 AND 10485760),
    content   BLOB    NOT NULL CHECK (length(content) = size),
    PRIMARY KEY (tenant_id, sha256)
);

CREATE TABLE message_attachments (
    tenant_id    TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id           TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    message_id   TEXT    NOT NULL CHECK (length(message_id) BETWEEN 1 AND 128),
    session_id   TEXT    NOT NULL CHECK (length(session_id) BETWEEN 1 AND 128),
    file_name    TEXT    NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    content_type TEXT    NOT NULL CHECK (length(content_type) BETWEEN 1 AND 255),
    size         INTEGER NOT NULL CHECK (size BETWEEN 0 AND 10485760),
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    uploaded_at  TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, id),
    -- The bytes are there before any attachment names them.
    FOREIGN KEY (tenant_id, sha256) REFERENCES attachment_contents (tenant_id, sha256)
);

CREATE INDEX message_attachments_message ON message_attachments (tenant_id, message_id);
CREATE INDEX message_attachments_session ON message_attachments (tenant_id, session_id);
CREATE INDEX message_attachments_content ON message_attachments (tenant_id, sha256);
