-- One row per migrated legacy file: a file (by SHA-256) is imported once per tenant.
CREATE TABLE legacy_imports (
    tenant_id       TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id              TEXT    NOT NULL,
    source_name     TEXT    NOT NULL,
    size_bytes      INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256          TEXT    NOT NULL CHECK (length(sha256) = 64),
    repositories    INTEGER NOT NULL CHECK (repositories >= 0),
    agents          INTEGER NOT NULL CHECK (agents >= 0),
    tasks           INTEGER NOT NULL CHECK (tasks >= 0),
    warnings        INTEGER NOT NULL CHECK (warnings >= 0),
    imported_at     TEXT    NOT NULL,
    took_nanos      INTEGER NOT NULL CHECK (took_nanos >= 0),
    imported_by     TEXT,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, sha256)
);
