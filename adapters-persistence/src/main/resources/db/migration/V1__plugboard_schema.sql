-- Plugboard's schema: the catalog, installations and runs of users and organizations, the run
-- attempts and the audit trail. Timestamps are timestamptz (microseconds, as the application
-- truncates them); documents are jsonb.

-- Owners are provisioned the first time they are seen; deleting one removes everything they own.
CREATE TABLE users (
    id         text PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organizations (
    id         text PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The catalog: the manifest's fields and the global switch. Names sort by code point (COLLATE "C")
-- so that listing order and keyset cursors do not depend on the server's locale.
CREATE TABLE plugins (
    id               bigserial PRIMARY KEY,
    name             text COLLATE "C" NOT NULL CONSTRAINT plugins_name_key UNIQUE,
    display_name     text NOT NULL,
    description      text NOT NULL DEFAULT '',
    owner            text NOT NULL,
    version          text NOT NULL,
    schema_version   text NOT NULL,
    capabilities     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(capabilities) = 'array'),
    category         text NOT NULL,
    tags             text[] NOT NULL DEFAULT '{}',
    icon             text,
    default_settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(default_settings) = 'object'),
    settings_schema  jsonb NOT NULL CHECK (jsonb_typeof(settings_schema) = 'object'),
    input_schema     jsonb CHECK (jsonb_typeof(input_schema) = 'object'),
    output_schema    jsonb CHECK (jsonb_typeof(output_schema) = 'object'),
    dependencies     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(dependencies) = 'array'),
    source           text NOT NULL CHECK (source IN ('builtin', 'manifest_directory', 'registered')),
    execution        jsonb NOT NULL CHECK (jsonb_typeof(execution) = 'object'),
    enabled          boolean NOT NULL DEFAULT true,
    enabled_at       timestamptz,
    disabled_at      timestamptz,
    registered_at    timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE INDEX plugins_category_idx ON plugins (category);
CREATE INDEX plugins_tags_idx ON plugins USING gin (tags);
CREATE INDEX plugins_capabilities_idx ON plugins USING gin (capabilities jsonb_path_ops);

-- One owner's use of one plugin. The owner is a user or an organization, never both; a plugin
-- that is installed somewhere cannot be deleted (RESTRICT), an owner's deletion takes its
-- installations along (CASCADE). `version` is the optimistic-locking version.
CREATE TABLE installations (
    id               uuid PRIMARY KEY,
    user_id          text REFERENCES users (id) ON DELETE CASCADE,
    organization_id  text REFERENCES organizations (id) ON DELETE CASCADE,
    plugin_id        bigint NOT NULL REFERENCES plugins (id) ON DELETE RESTRICT,
    settings         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
    enabled          boolean NOT NULL DEFAULT true,
    execution_count  bigint NOT NULL DEFAULT 0 CHECK (execution_count >= 0),
    last_executed_at timestamptz,
    last_error       text,
    version          bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT installations_one_owner CHECK (num_nonnulls(user_id, organization_id) = 1)
);

-- Unique per owner and plugin; these also serve the owner foreign keys and the owner listings.
CREATE UNIQUE INDEX installations_user_plugin_key
    ON installations (user_id, plugin_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX installations_organization_plugin_key
    ON installations (organization_id, plugin_id) WHERE organization_id IS NOT NULL;
CREATE INDEX installations_plugin_idx ON installations (plugin_id);

-- The run ledger. Runs go with their owner and with their plugin (CASCADE on both).
CREATE TABLE plugin_runs (
    id              uuid PRIMARY KEY,
    user_id         text REFERENCES users (id) ON DELETE CASCADE,
    organization_id text REFERENCES organizations (id) ON DELETE CASCADE,
    plugin_id       bigint NOT NULL REFERENCES plugins (id) ON DELETE CASCADE,
    trigger         text NOT NULL CHECK (trigger IN ('manual', 'event', 'schedule', 'workflow_step')),
    status          text NOT NULL DEFAULT 'pending'
                    CONSTRAINT plugin_runs_status_check
                    CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'cancelled')),
    input           jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(input) = 'object'),
    output          jsonb CHECK (jsonb_typeof(output) = 'object'),
    error_code      text,
    error_message   text,
    attempt         integer NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    idempotency_key text,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    completed_at    timestamptz,
    version         bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
    CONSTRAINT plugin_runs_one_owner CHECK (num_nonnulls(user_id, organization_id) = 1),
    CONSTRAINT plugin_runs_error_complete CHECK ((error_code IS NULL) = (error_message IS NULL))
);

CREATE UNIQUE INDEX plugin_runs_user_idempotency_key
    ON plugin_runs (user_id, idempotency_key) WHERE user_id IS NOT NULL AND idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX plugin_runs_organization_idempotency_key
    ON plugin_runs (organization_id, idempotency_key) WHERE organization_id IS NOT NULL AND idempotency_key IS NOT NULL;
-- An owner's runs newest first (the keyset order), also by status; these serve the owner foreign keys.
CREATE INDEX plugin_runs_user_created_idx
    ON plugin_runs (user_id, created_at DESC, id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX plugin_runs_organization_created_idx
    ON plugin_runs (organization_id, created_at DESC, id DESC) WHERE organization_id IS NOT NULL;
CREATE INDEX plugin_runs_user_status_created_idx
    ON plugin_runs (user_id, status, created_at DESC, id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX plugin_runs_organization_status_created_idx
    ON plugin_runs (organization_id, status, created_at DESC, id DESC) WHERE organization_id IS NOT NULL;
CREATE INDEX plugin_runs_plugin_created_idx ON plugin_runs (plugin_id, created_at DESC);
-- Across owners by status: what executors and the reaper look for.
CREATE INDEX plugin_runs_status_created_idx ON plugin_runs (status, created_at);

-- One row per attempt of a run, so a retry never overwrites the history of the attempts before it.
CREATE TABLE plugin_run_attempts (
    id            bigserial PRIMARY KEY,
    run_id        uuid NOT NULL REFERENCES plugin_runs (id) ON DELETE CASCADE,
    attempt       integer NOT NULL CHECK (attempt >= 1),
    status        text NOT NULL CHECK (status IN ('processing', 'completed', 'failed', 'cancelled')),
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    error_code    text,
    error_message text,
    CONSTRAINT plugin_run_attempts_run_attempt_key UNIQUE (run_id, attempt)
);

-- The audit trail, append-only, read newest first.
CREATE TABLE audit_entries (
    id         uuid PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor_type text NOT NULL CHECK (actor_type IN ('user', 'operator', 'system')),
    actor_id   text NOT NULL,
    action     text NOT NULL,
    target     text NOT NULL,
    outcome    text NOT NULL CHECK (outcome IN ('success', 'failure')),
    before     jsonb CHECK (jsonb_typeof(before) = 'object'),
    after      jsonb CHECK (jsonb_typeof(after) = 'object'),
    detail     text NOT NULL DEFAULT ''
);

CREATE INDEX audit_entries_at_idx ON audit_entries (at DESC, id DESC);
CREATE INDEX audit_entries_target_at_idx ON audit_entries (target, at DESC, id DESC);
CREATE INDEX audit_entries_actor_at_idx ON audit_entries (actor_type, actor_id, at DESC, id DESC);
