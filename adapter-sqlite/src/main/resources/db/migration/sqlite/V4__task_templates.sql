-- Task templates: a header row, its ordered steps, and its parameters (no JSON needed to read them).
CREATE TABLE task_templates (
    tenant_id        TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 64),
    id               TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 128),
    name             TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    description      TEXT             CHECK (description IS NULL OR length(description) <= 2000),
    category         TEXT             CHECK (category IS NULL OR length(category) <= 100),
    template_version TEXT    NOT NULL CHECK (template_version GLOB '[0-9]*.[0-9]*.[0-9]*'),
    public           INTEGER NOT NULL CHECK (public IN (0, 1)),
    tags             TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    created_at       TEXT    NOT NULL,
    created_by       TEXT,
    updated_at       TEXT    NOT NULL,
    updated_by       TEXT,
    version          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);

CREATE INDEX task_templates_by_name ON task_templates (tenant_id, name);

CREATE TABLE task_template_steps (
    tenant_id        TEXT    NOT NULL,
    template_id      TEXT    NOT NULL,
    position         INTEGER NOT NULL CHECK (position >= 0),
    command          TEXT    NOT NULL CHECK (length(command) BETWEEN 1 AND 2000),
    description      TEXT             CHECK (description IS NULL OR length(description) <= 1000),
    PRIMARY KEY (tenant_id, template_id, position),
    FOREIGN KEY (tenant_id, template_id) REFERENCES task_templates (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE task_template_parameters (
    tenant_id        TEXT    NOT NULL,
    template_id      TEXT    NOT NULL,
    name             TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    type             TEXT    NOT NULL CHECK (type IN ('STRING', 'INTEGER', 'BOOLEAN')),
    default_value    TEXT             CHECK (default_value IS NULL OR length(default_value) <= 2000),
    required         INTEGER NOT NULL CHECK (required IN (0, 1)),
    PRIMARY KEY (tenant_id, template_id, name),
    FOREIGN KEY (tenant_id, template_id) REFERENCES task_templates (tenant_id, id) ON DELETE CASCADE
);
