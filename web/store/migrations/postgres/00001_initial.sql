-- +goose Up
-- Grants: one row per person, role and office (0 for company-wide roles).
CREATE TABLE grants (
    email      TEXT   NOT NULL, -- lower-cased
    role       TEXT   NOT NULL,
    office_id  BIGINT NOT NULL DEFAULT 0,
    granted_at BIGINT NOT NULL, -- unix microseconds
    PRIMARY KEY (email, role, office_id)
);

-- The audit trail: one row per write; changes is a JSON array of
-- {"field","old","new"}.
CREATE TABLE audit_entries (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_micros     BIGINT  NOT NULL, -- unix microseconds
    actor_email   TEXT    NOT NULL, -- lower-cased
    actor_name    TEXT    NOT NULL,
    credential    TEXT    NOT NULL,
    resource_kind TEXT    NOT NULL,
    resource_id   TEXT    NOT NULL,
    resource_name TEXT    NOT NULL,
    office_id     BIGINT  NOT NULL DEFAULT 0,
    changes       TEXT    NOT NULL,
    result        TEXT    NOT NULL,
    status        INTEGER NOT NULL DEFAULT 0,
    message       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_entries_actor ON audit_entries (actor_email, id);
CREATE INDEX audit_entries_resource ON audit_entries (resource_kind, resource_id, id);
CREATE INDEX audit_entries_office ON audit_entries (office_id, id);
CREATE INDEX audit_entries_at ON audit_entries (at_micros);

-- Sessions, as github.com/alexedwards/scs/postgresstore expects them.
CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BYTEA NOT NULL,
    expiry TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);

-- +goose Down
DROP TABLE sessions;
DROP TABLE audit_entries;
DROP TABLE grants;
