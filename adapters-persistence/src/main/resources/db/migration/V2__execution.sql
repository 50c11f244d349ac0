-- Plugin execution (issue 6): leases on processing runs and the earliest time a pending run may be
-- taken, the worker of each attempt, the circuit breakers shared by every instance, the plugins'
-- per-installation key-value store, and the idempotency keys of events already fanned out.

-- A processing run is leased to one executor or external worker until lease_expires_at; a lease is
-- both columns or neither, and only a processing run has one. available_at is when a pending run
-- may next be claimed: its creation, or the end of a retry's backoff.
ALTER TABLE plugin_runs
    ADD COLUMN lease_holder     text,
    ADD COLUMN lease_expires_at timestamptz,
    ADD COLUMN available_at     timestamptz;

UPDATE plugin_runs SET available_at = created_at;
-- Runs left processing by a version without leases have nobody to finish them: give them a lease
-- that has already expired, so the reaper returns them to pending (or fails them) like any other.
UPDATE plugin_runs SET lease_holder = 'migration-v2', lease_expires_at = now() WHERE status = 'processing';

ALTER TABLE plugin_runs
    ALTER COLUMN available_at SET NOT NULL,
    ADD CONSTRAINT plugin_runs_lease_complete CHECK ((lease_holder IS NULL) = (lease_expires_at IS NULL)),
    ADD CONSTRAINT plugin_runs_lease_only_processing CHECK (lease_holder IS NULL OR status = 'processing');

-- What a claim scans: pending runs, soonest available first.
CREATE INDEX plugin_runs_claimable_idx ON plugin_runs (available_at, created_at) WHERE status = 'pending';
-- What the reaper scans: processing runs by lease expiry.
CREATE INDEX plugin_runs_lease_expiry_idx ON plugin_runs (lease_expires_at) WHERE status = 'processing';

-- The lease holder (executor instance or external worker) that ran the attempt.
ALTER TABLE plugin_run_attempts ADD COLUMN worker text;

-- One circuit breaker per owner and plugin. Executors lock the row (SELECT ... FOR UPDATE) while
-- they decide, so every instance sees one state. Goes with its owner and with its plugin.
CREATE TABLE circuits (
    id                   bigserial PRIMARY KEY,
    user_id              text REFERENCES users (id) ON DELETE CASCADE,
    organization_id      text REFERENCES organizations (id) ON DELETE CASCADE,
    plugin_id            bigint NOT NULL REFERENCES plugins (id) ON DELETE CASCADE,
    state                text NOT NULL DEFAULT 'closed'
                         CONSTRAINT circuits_state_check CHECK (state IN ('closed', 'open', 'half_open')),
    consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    trials_in_flight     integer NOT NULL DEFAULT 0 CHECK (trials_in_flight >= 0),
    open_until           timestamptz,
    successes            bigint NOT NULL DEFAULT 0 CHECK (successes >= 0),
    failures             bigint NOT NULL DEFAULT 0 CHECK (failures >= 0),
    rejections           bigint NOT NULL DEFAULT 0 CHECK (rejections >= 0),
    last_failure_at      timestamptz,
    updated_at           timestamptz NOT NULL,
    CONSTRAINT circuits_one_owner CHECK (num_nonnulls(user_id, organization_id) = 1),
    -- An open circuit always says until when.
    CONSTRAINT circuits_open_until CHECK (state <> 'open' OR open_until IS NOT NULL)
);

CREATE UNIQUE INDEX circuits_user_plugin_key ON circuits (user_id, plugin_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX circuits_organization_plugin_key
    ON circuits (organization_id, plugin_id) WHERE organization_id IS NOT NULL;
CREATE INDEX circuits_plugin_idx ON circuits (plugin_id);
-- What the clean-up of idle breakers scans.
CREATE INDEX circuits_idle_idx ON circuits (updated_at) WHERE state = 'closed' AND consecutive_failures = 0;

-- A plugin's own state between runs, per installation; uninstalling removes it.
CREATE TABLE installation_store (
    installation_id uuid NOT NULL REFERENCES installations (id) ON DELETE CASCADE,
    key             text COLLATE "C" NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    value           jsonb NOT NULL CHECK (jsonb_typeof(value) = 'object'),
    updated_at      timestamptz NOT NULL DEFAULT statement_timestamp(),
    PRIMARY KEY (installation_id, key)
);

-- Idempotency keys of events already fanned out, per owner: the same key never creates runs twice.
CREATE TABLE event_log (
    id              bigserial PRIMARY KEY,
    user_id         text REFERENCES users (id) ON DELETE CASCADE,
    organization_id text REFERENCES organizations (id) ON DELETE CASCADE,
    idempotency_key text NOT NULL,
    type            text NOT NULL,
    seen_at         timestamptz NOT NULL,
    CONSTRAINT event_log_one_owner CHECK (num_nonnulls(user_id, organization_id) = 1)
);

CREATE UNIQUE INDEX event_log_user_key ON event_log (user_id, idempotency_key) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX event_log_organization_key
    ON event_log (organization_id, idempotency_key) WHERE organization_id IS NOT NULL;
CREATE INDEX event_log_seen_at_idx ON event_log (seen_at);
