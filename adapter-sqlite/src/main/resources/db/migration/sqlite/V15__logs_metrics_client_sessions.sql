-- The orchestration log: what clients post and the service's own warnings and errors (append-only).
CREATE TABLE orchestration_logs (
    tenant_id  TEXT NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id         TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    level      TEXT NOT NULL CHECK (level IN ('TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR')),
    category   TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 200),
    message    TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 10000),
    properties TEXT NOT NULL CHECK (json_valid(properties)),
    timestamp  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX orchestration_logs_by_time ON orchestration_logs (tenant_id, timestamp);

CREATE TRIGGER orchestration_logs_append_only_update BEFORE UPDATE ON orchestration_logs
BEGIN
    SELECT RAISE(ABORT, 'orchestration_logs is append-only');
END;

-- Raw samples (INSTANT) and their roll-ups (HOURLY, DAILY, WEEKLY), queried as time series.
CREATE TABLE performance_metrics (
    tenant_id          TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id                 TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    entity_type        TEXT    NOT NULL CHECK (entity_type IN ('AGENT', 'TASK', 'REPOSITORY', 'SYSTEM')),
    entity_id          TEXT             CHECK (entity_id IS NULL OR length(entity_id) BETWEEN 1 AND 128),
    name               TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    value              REAL    NOT NULL,
    unit               TEXT    NOT NULL CHECK (length(unit) BETWEEN 1 AND 50),
    period             TEXT    NOT NULL CHECK (period IN ('INSTANT', 'HOURLY', 'DAILY', 'WEEKLY')),
    period_start       TEXT    NOT NULL,
    period_end         TEXT    NOT NULL CHECK (period_end >= period_start),
    sample_count       INTEGER NOT NULL CHECK (sample_count >= 0),
    min_value          REAL    NOT NULL,
    max_value          REAL    NOT NULL,
    standard_deviation REAL    NOT NULL CHECK (standard_deviation >= 0),
    PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX performance_metrics_series ON performance_metrics (tenant_id, name, period, period_start);
CREATE INDEX performance_metrics_period ON performance_metrics (tenant_id, period, period_start);

-- Connected UI clients and their heartbeats.
CREATE TABLE client_sessions (
    tenant_id      TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id             TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    client_id      TEXT    NOT NULL CHECK (length(client_id) BETWEEN 1 AND 200),
    active         INTEGER NOT NULL CHECK (active IN (0, 1)),
    connected_at   TEXT    NOT NULL,
    last_heartbeat TEXT    NOT NULL CHECK (last_heartbeat >= connected_at),
    closed_at      TEXT,
    metadata       TEXT    NOT NULL CHECK (json_valid(metadata)),
    version        INTEGER NOT NULL CHECK (version >= 0),
    PRIMARY KEY (tenant_id, id),
    CHECK (active = 1 OR closed_at IS NOT NULL)
) WITHOUT ROWID;
CREATE INDEX client_sessions_active ON client_sessions (tenant_id, last_heartbeat) WHERE active = 1;
