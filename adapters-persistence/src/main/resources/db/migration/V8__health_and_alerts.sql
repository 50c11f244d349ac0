-- Health and alerts (issue 12): each plugin's last health verdict, and the alerts the health job
-- opens and resolves. At most one active (open or acknowledged) alert per kind and subject.

CREATE TABLE plugin_health (
    plugin_id            bigint PRIMARY KEY REFERENCES plugins (id) ON DELETE CASCADE,
    score                integer NOT NULL CHECK (score BETWEEN 0 AND 100),
    state                text NOT NULL CHECK (state IN ('healthy', 'degraded', 'unhealthy', 'unknown')),
    reason               text NOT NULL DEFAULT '',
    last_check_at        timestamptz NOT NULL,
    last_state_change_at timestamptz NOT NULL
);

-- owner is written user:alice / org:acme: the owner a circuit alert is about (who may see it), and
-- kept as text so that an alert outlives the owner's rows for the operator's record.
CREATE TABLE alerts (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('plugin_unhealthy', 'plugin_degraded', 'circuit_opened', 'runs_backlog')),
    subject       text NOT NULL,
    owner         text,
    severity      text NOT NULL CHECK (severity IN ('warning', 'critical')),
    status        text NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
    detail        text NOT NULL DEFAULT '',
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    count         bigint NOT NULL CHECK (count >= 1),
    resolved_at   timestamptz,
    CONSTRAINT alerts_resolved_when CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);

CREATE UNIQUE INDEX alerts_one_active_idx ON alerts (kind, subject) WHERE status <> 'resolved';
CREATE INDEX alerts_last_seen_idx ON alerts (last_seen_at DESC);
CREATE INDEX alerts_owner_idx ON alerts (owner, last_seen_at DESC) WHERE owner IS NOT NULL;

-- What the health job reads: a plugin's latest finished runs.
CREATE INDEX plugin_runs_plugin_finished_idx ON plugin_runs (plugin_id, completed_at DESC)
    WHERE status IN ('completed', 'failed');
