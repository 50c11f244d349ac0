-- Per-plugin hourly rollups and retention (issue 12). A rollup row sums the runs that reached a final
-- state (completed, failed, cancelled) in one UTC hour: counts, failures by error code, duration
-- percentiles (milliseconds from started_at to completed_at, computed with percentile_cont when the
-- hour is rolled up), and CPU time and peak memory where the attempts recorded them.

-- One row per plugin and hour, across every owner: the operator's view.
CREATE TABLE plugin_metrics_hourly (
    plugin_id         bigint NOT NULL REFERENCES plugins (id) ON DELETE CASCADE,
    hour              timestamptz NOT NULL CHECK (date_trunc('hour', hour, 'UTC') = hour),
    runs              bigint NOT NULL CHECK (runs >= 0),
    successes         bigint NOT NULL CHECK (successes >= 0),
    failures          bigint NOT NULL CHECK (failures >= 0),
    cancelled         bigint NOT NULL CHECK (cancelled >= 0),
    failure_codes     jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(failure_codes) = 'object'),
    p50_ms            double precision,
    p95_ms            double precision,
    p99_ms            double precision,
    cpu_time_ms       bigint CHECK (cpu_time_ms >= 0),
    peak_memory_bytes bigint CHECK (peak_memory_bytes >= 0),
    PRIMARY KEY (plugin_id, hour)
);
-- What retention scans.
CREATE INDEX plugin_metrics_hourly_hour_idx ON plugin_metrics_hourly (hour);

-- The same per owner and plugin: an owner's own view. Goes with its owner and with its plugin.
CREATE TABLE owner_plugin_metrics_hourly (
    plugin_id         bigint NOT NULL REFERENCES plugins (id) ON DELETE CASCADE,
    user_id           text REFERENCES users (id) ON DELETE CASCADE,
    organization_id   text REFERENCES organizations (id) ON DELETE CASCADE,
    hour              timestamptz NOT NULL CHECK (date_trunc('hour', hour, 'UTC') = hour),
    runs              bigint NOT NULL CHECK (runs >= 0),
    successes         bigint NOT NULL CHECK (successes >= 0),
    failures          bigint NOT NULL CHECK (failures >= 0),
    cancelled         bigint NOT NULL CHECK (cancelled >= 0),
    failure_codes     jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(failure_codes) = 'object'),
    p50_ms            double precision,
    p95_ms            double precision,
    p99_ms            double precision,
    cpu_time_ms       bigint CHECK (cpu_time_ms >= 0),
    peak_memory_bytes bigint CHECK (peak_memory_bytes >= 0),
    CONSTRAINT owner_plugin_metrics_hourly_one_owner CHECK (num_nonnulls(user_id, organization_id) = 1)
);
CREATE UNIQUE INDEX owner_plugin_metrics_hourly_user_key
    ON owner_plugin_metrics_hourly (user_id, plugin_id, hour) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX owner_plugin_metrics_hourly_organization_key
    ON owner_plugin_metrics_hourly (organization_id, plugin_id, hour) WHERE organization_id IS NOT NULL;
CREATE INDEX owner_plugin_metrics_hourly_hour_idx ON owner_plugin_metrics_hourly (hour);
CREATE INDEX owner_plugin_metrics_hourly_plugin_idx ON owner_plugin_metrics_hourly (plugin_id);

-- How far each background job got: the rollup job's last completed hour, so that it catches up
-- after downtime and never rolls an hour twice.
CREATE TABLE job_watermarks (
    job        text PRIMARY KEY,
    position   timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- What the rollup job (by hour of completion) and retention (finished runs by age) scan.
CREATE INDEX plugin_runs_finished_idx ON plugin_runs (completed_at)
    WHERE status IN ('completed', 'failed', 'cancelled');
CREATE INDEX workflow_runs_finished_idx ON workflow_runs (completed_at)
    WHERE status IN ('completed', 'failed', 'cancelled');
CREATE INDEX workflow_fires_created_idx ON workflow_fires (created_at);
