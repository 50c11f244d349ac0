-- Web console sign-in (issue 13): one-time links printed by `plugboard console-link` and the
-- sessions they are exchanged for. Only the SHA-256 of each secret is kept, so a copy of this table
-- signs nobody in. Expired rows are deleted whenever a new link is issued.
CREATE TABLE console_sessions (
    secret_hash      text        PRIMARY KEY CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
    kind             text        NOT NULL CHECK (kind IN ('link', 'session')),
    user_id          text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 128),
    organization_id  text                 CHECK (length(organization_id) BETWEEN 1 AND 128),
    roles            text[]      NOT NULL,
    expires_at       timestamptz NOT NULL
);

CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);
