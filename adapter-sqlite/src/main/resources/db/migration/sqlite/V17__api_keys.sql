-- API keys: who may call the service, for which tenant, with which role. Only the SHA-256 of a secret is
-- kept; it is unique over every tenant, since a request is authenticated by it before its tenant is known.
CREATE TABLE api_keys (
    tenant_id     TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id            TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    role          TEXT    NOT NULL CHECK (role IN ('AGENT', 'OPERATOR', 'ADMIN')),
    name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    agent_id      TEXT             CHECK (agent_id IS NULL OR length(agent_id) BETWEEN 1 AND 128),
    secret_sha256 TEXT    NOT NULL UNIQUE CHECK (length(secret_sha256) = 64
                                                 AND secret_sha256 NOT GLOB '*[^0-9a-f]*'),
    created_at    TEXT    NOT NULL,
    last_used_at  TEXT             CHECK (last_used_at IS NULL OR last_used_at >= created_at),
    revoked_at    TEXT             CHECK (revoked_at IS NULL OR revoked_at >= created_at),
    version       INTEGER NOT NULL CHECK (version >= 0),
    PRIMARY KEY (tenant_id, id),
    CHECK ((role = 'AGENT') = (agent_id IS NOT NULL))
) WITHOUT ROWID;
