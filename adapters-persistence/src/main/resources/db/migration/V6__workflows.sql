-- Workflows (issue 11): saved chains of plugin steps, their durable runs, and the ledgers that make
-- schedule ticks and webhook deliveries count exactly once across every instance.

-- A workflow step's static config, merged over the installation's settings for that run only.
-- Ordinary runs have none ('{}'); it never holds secrets (a workflow may not set a secret field).
ALTER TABLE plugin_runs
    ADD COLUMN settings_overlay jsonb NOT NULL DEFAULT '{}'
        CONSTRAINT plugin_runs_settings_overlay_object CHECK (jsonb_typeof(settings_overlay) = 'object');

-- One saved workflow of a user or an organization. The definition (name, scope, trigger, steps)
-- is kept whole as the JSON form the API uses; slug and trigger_type are copied out of it because
-- they are looked up: the slug per owner, the trigger type by the scheduler and the event router.
-- version increases on every edit; the execution counters change apart from it, so that runs
-- never make an owner's If-Match look stale.
CREATE TABLE workflows (
    id               uuid PRIMARY KEY,
    user_id          text REFERENCES users (id) ON DELETE CASCADE,
    organization_id  text REFERENCES organizations (id) ON DELETE CASCADE,
    slug             text COLLATE "C" NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) BETWEEN 2 AND 50),
    definition       jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
    status           text NOT NULL
                     CONSTRAINT workflows_status_check CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED')),
    enabled          boolean NOT NULL DEFAULT true,
    trigger_type     text NOT NULL
                     CONSTRAINT workflows_trigger_type_check CHECK (trigger_type IN ('MANUAL', 'SCHEDULE', 'WEBHOOK', 'EVENT')),
    execution_count  bigint NOT NULL DEFAULT 0 CHECK (execution_count >= 0),
    last_executed_at timestamptz,
    last_error       text,
    version          bigint NOT NULL DEFAULT 1 CHECK (version >= 0),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT workflows_one_owner CHECK (num_nonnulls(user_id, organization_id) = 1)
);

-- Unique slug per owner; these also serve the owner foreign keys and the listings by slug.
CREATE UNIQUE INDEX workflows_user_slug_key ON workflows (user_id, slug) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX workflows_organization_slug_key ON workflows (organization_id, slug) WHERE organization_id IS NOT NULL;
-- What the scheduler and the event router scan: live workflows by trigger type.
CREATE INDEX workflows_live_idx ON workflows (trigger_type) WHERE status = 'ACTIVE' AND enabled;

-- One run of a workflow, with a snapshot of the definition it started with (an edit never changes a
-- run under way) and its step runs as one JSON array, written with the run under one version.
-- next_check_at is when an engine instance should look at the run again; final runs have none.
-- output is any JSON value (string, number, object, ...), or SQL NULL when there is none yet.
CREATE TABLE workflow_runs (
    id                uuid PRIMARY KEY,
    workflow_id       uuid NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    user_id           text REFERENCES users (id) ON DELETE CASCADE,
    organization_id   text REFERENCES organizations (id) ON DELETE CASCADE,
    workflow_version  bigint NOT NULL CHECK (workflow_version >= 0),
    definition        jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
    triggered_by      text,
    trigger_type      text
                      CONSTRAINT workflow_runs_trigger_type_check CHECK (trigger_type IN ('MANUAL', 'SCHEDULE', 'WEBHOOK', 'EVENT')),
    trigger_data      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(trigger_data) = 'object'),
    test              boolean NOT NULL DEFAULT false,
    status            text NOT NULL
                      CONSTRAINT workflow_runs_status_check
                      CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    output            jsonb,
    error             text,
    failed_step_order integer,
    step_runs         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(step_runs) = 'array'),
    created_at        timestamptz NOT NULL,
    started_at        timestamptz,
    completed_at      timestamptz,
    version           bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
    next_check_at     timestamptz,
    CONSTRAINT workflow_runs_one_owner CHECK (num_nonnulls(user_id, organization_id) = 1),
    -- A final run is never looked at again.
    CONSTRAINT workflow_runs_final_unchecked CHECK (next_check_at IS NULL OR status IN ('queued', 'running'))
);

-- What claimDue scans: unfinished runs, soonest due first.
CREATE INDEX workflow_runs_due_idx ON workflow_runs (next_check_at) WHERE status IN ('queued', 'running');
-- A workflow's run history, newest first (and countRunning).
CREATE INDEX workflow_runs_workflow_created_idx ON workflow_runs (workflow_id, created_at DESC, id DESC);
-- The per-owner rate limit counts the runs an owner started since a time.
CREATE INDEX workflow_runs_user_created_idx ON workflow_runs (user_id, created_at) WHERE user_id IS NOT NULL;
CREATE INDEX workflow_runs_organization_created_idx
    ON workflow_runs (organization_id, created_at) WHERE organization_id IS NOT NULL;

-- One row per schedule tick that fired: the primary key makes every instance but the first one's
-- INSERT ... ON CONFLICT DO NOTHING a no-op, so each tick starts exactly one run.
CREATE TABLE workflow_fires (
    workflow_id uuid NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    fire_time   timestamptz NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (workflow_id, fire_time)
);

-- One row per accepted webhook delivery, by its signature: a replayed delivery finds its row and is refused.
CREATE TABLE workflow_deliveries (
    workflow_id uuid NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    signature   text NOT NULL CHECK (length(signature) BETWEEN 1 AND 512),
    received_at timestamptz NOT NULL,
    PRIMARY KEY (workflow_id, signature)
);
-- Old deliveries can be pruned once their timestamp is past the replay window.
CREATE INDEX workflow_deliveries_received_idx ON workflow_deliveries (received_at);
