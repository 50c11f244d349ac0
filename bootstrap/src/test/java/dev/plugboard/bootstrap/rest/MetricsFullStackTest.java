package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiContract;
import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run meters on {@code /metrics} after a scripted mix of runs, on a server of its own (fresh
 * counters, a fast reaper and backlog refresh) on a real PostgreSQL. Runs go through the worker API,
 * which lets the test decide each outcome: completed, failed with a code, timed out (lease expired),
 * cancelled, left pending.
 */
class MetricsFullStackTest extends ApiContract {

    private static final String CLAIM = "/api/worker/runs/claim";
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private final Path folder = FullStackServer.newFolder("plugboard-metrics-it");
    private final FullStackServer server = FullStackServer.start(folder, Map.of(
            "plugboard.execution.reap-interval", "200ms",
            "plugboard.metrics.backlog-interval", "200ms"));
    private final Who admin = Who.newAdmin();

    @Override
    protected ApiTarget target() {
        return server;
    }

    @AfterAll
    void stop() {
        server.application().close();
        FullStackServer.delete(folder);
    }

    /** An external plugin without retries and with a required setting, so that one attempt settles a run. */
    private String newPlugin() {
        String plugin = Who.unique("metered");
        ContractPlugins.register(api(), admin, """
                {"name": "%s", "version": "1.0.0", "category": "contract-metrics", "tags": ["contract"],
                 "settingsSchema": {"type": "object", "required": ["endpoint"],
                   "properties": {"endpoint": {"type": "string"}}},
                 "execution": {"mode": "external", "retry": {"maxAttempts": 1}}}""".formatted(plugin));
        return plugin;
    }

    private JsonNode claim(Who worker, String plugin, int max, int leaseSeconds) {
        return ok(api().post(CLAIM, worker, "{\"plugins\": [\"" + plugin + "\"], \"max\": " + max
                + ", \"leaseSeconds\": " + leaseSeconds + "}"), 200).path("runs");
    }

    private Scrape scrape() {
        return Scrape.parse(api().get("/metrics", Who.anonymous()).body());
    }

    /** Scrapes until {@code name}{labels} reaches {@code expected} (the reaper and the backlog refresh run on their own). */
    private Scrape awaitValue(String name, Map<String, String> labels, double expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        Scrape scrape = scrape();
        while (scrape.value(name, labels) != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            scrape = scrape();
        }
        return scrape;
    }

    @Test
    void givenCompletedFailedTimedOutCancelledAndPendingRuns_metrics_countEachByPluginStatusAndCode() throws Exception {
        String plugin = newPlugin();
        String other = newPlugin();
        Who owner = Who.newUser("metered-owner");
        Who worker = Who.newUser("worker").withRoles("worker");
        assertThat(api().post(installPath(plugin), owner, "{\"settings\": {\"endpoint\": 5}}").status()).isEqualTo(422);
        install(owner, plugin, "{\"settings\": {\"endpoint\": \"https://example.test\"}}");
        install(owner, other, "{\"settings\": {\"endpoint\": \"https://example.test\"}}");
        String completes = startRun(owner, plugin).path("id").asText();
        String fails = startRun(owner, plugin).path("id").asText();
        String timesOut = startRun(owner, plugin).path("id").asText();
        assertThat(claim(worker, plugin, 3, 5)).hasSize(3);
        startRun(owner, plugin); // left pending
        String cancelled = startRun(owner, plugin).path("id").asText();
        String otherFails = startRun(owner, other).path("id").asText();
        assertThat(claim(worker, other, 1, 60)).hasSize(1);

        ok(api().post("/api/worker/runs/" + completes + "/complete", worker, "{\"output\": {}}"), 200);
        ok(api().post("/api/worker/runs/" + fails + "/fail", worker,
                "{\"code\": \"UPSTREAM_DOWN\", \"message\": \"503 from upstream\", \"retryable\": false}"), 200);
        ok(api().post("/api/worker/runs/" + otherFails + "/fail", worker,
                "{\"code\": \"BAD_PAYLOAD\", \"message\": \"no\", \"retryable\": false}"), 200);
        ok(api().post("/api/user/runs/" + cancelled + "/cancel", owner), 200);
        ok(api().post("/api/admin/circuits/" + Who.newUser("tripped").owner() + "/" + plugin + "/open", admin), 200);
        ok(api().post("/api/events", owner, "{\"type\": \"metrics.checked\", \"data\": {}}"), 202);
        // The third run's worker never reports: its 5 s lease runs out and the reaper fails it.
        Scrape scrape = awaitValue("plugboard_runs_total", Map.of("plugin", plugin, "error_code", "LEASE_EXPIRED"), 1);

        Map<String, String> ofPlugin = Map.of("plugin", plugin);
        assertThat(scrape.value("plugboard_runs_total", Map.of("plugin", plugin, "status", "completed", "error_code", "none")))
                .isEqualTo(1);
        assertThat(scrape.value("plugboard_runs_total", Map.of("plugin", plugin, "status", "failed", "error_code", "UPSTREAM_DOWN")))
                .isEqualTo(1);
        assertThat(scrape.value("plugboard_runs_total", Map.of("plugin", plugin, "status", "failed", "error_code", "LEASE_EXPIRED")))
                .isEqualTo(1);
        assertThat(scrape.value("plugboard_runs_total", Map.of("plugin", plugin, "status", "cancelled"))).isEqualTo(1);
        assertThat(scrape.value("plugboard_runs_total", ofPlugin)).as("the pending run is not counted yet").isEqualTo(4);
        assertThat(scrape.value("plugboard_runs_total", Map.of("plugin", other, "error_code", "BAD_PAYLOAD"))).isEqualTo(1);
        assertThat(scrape.value("plugboard_runs_total", Map.of("plugin", other))).isEqualTo(1);
        assertThat(scrape.value("plugboard_attempts_total", Map.of("plugin", plugin, "outcome", "succeeded"))).isEqualTo(1);
        assertThat(scrape.value("plugboard_attempts_total", Map.of("plugin", plugin, "outcome", "failed"))).isEqualTo(2);
        assertThat(scrape.value("plugboard_run_duration_seconds_count", ofPlugin)).as("runs that started").isEqualTo(3);
        assertThat(scrape.value("plugboard_run_duration_seconds_bucket", Map.of("plugin", plugin, "le", "+Inf"))).isEqualTo(3);
        assertThat(scrape.value("plugboard_run_duration_seconds_bucket", Map.of("plugin", plugin, "le", "120.0"))).isEqualTo(3);
        assertThat(scrape.value("plugboard_settings_validations_total", Map.of("plugin", plugin, "result", "invalid")))
                .isEqualTo(1);
        assertThat(scrape.value("plugboard_settings_validations_total", Map.of("plugin", plugin, "result", "valid")))
                .isEqualTo(1);
        assertThat(scrape.value("plugboard_events_total", Map.of("type", "metrics.checked"))).isEqualTo(1);

        Scrape backlog = awaitValue("plugboard_circuit_open", ofPlugin, 1);
        assertThat(backlog.value("plugboard_circuit_open", ofPlugin)).isEqualTo(1);
        assertThat(backlog.value("plugboard_runs_pending", ofPlugin)).isEqualTo(1);
        assertThat(backlog.value("plugboard_runs_pending", Map.of("plugin", other))).isZero();
        assertThat(backlog.value("plugboard_oldest_pending_run_age_seconds", ofPlugin)).isPositive();
        assertThat(backlog.anyHasLabel("plugboard_", "owner")).as("owners are never a label").isFalse();
        assertThat(backlog.samples()).noneMatch(sample -> sample.labels().containsValue(owner.owner())
                || sample.labels().containsValue(owner.user()));
    }

    @Test
    void givenTheShippedDashboardAndAlertRules_everyMetricTheyQuery_isExposedByTheServer() throws Exception {
        String plugin = newPlugin();
        Who owner = Who.newUser("dashboard-owner");
        Who worker = Who.newUser("worker").withRoles("worker");
        install(owner, plugin, "{\"settings\": {\"endpoint\": \"https://example.test\"}}");
        String run = startRun(owner, plugin).path("id").asText();
        assertThat(claim(worker, plugin, 1, 60)).hasSize(1);
        ok(api().post("/api/worker/runs/" + run + "/complete", worker, "{\"output\": {}}"), 200);
        ok(api().post("/api/events", owner, "{\"type\": \"dashboard.checked\", \"data\": {}}"), 202);
        Set<String> exposed = awaitValue("plugboard_runs_pending", Map.of("plugin", plugin), 0).names();
        List<String> expressions = DashboardQueries.expressions();

        assertThat(expressions).as("panels and rules").hasSizeGreaterThan(15);
        Set<String> queried = new TreeSet<>(DashboardQueries.variableMetrics());
        for (String expression : expressions) {
            Set<String> names = DashboardQueries.metricNames(expression);
            assertThat(names).as("metrics read by %s", expression).isNotEmpty();
            queried.addAll(names);
        }
        assertThat(queried).as("what the dashboard and rules read").contains("plugboard_runs_total",
                "plugboard_run_duration_seconds_bucket", "plugboard_oldest_pending_run_age_seconds",
                "plugboard_circuit_open", "hikaricp_connections_pending", "plugboard_execution_slots_taken");
        assertThat(exposed).as("names the server exposes").containsAll(queried);
    }

    @Test
    void givenPromQl_metricNames_leaveOutFunctionsLabelsRangesAndGroupings() {
        assertThat(DashboardQueries.metricNames("histogram_quantile(0.95, sum by (plugin, le) "
                + "(rate(plugboard_run_duration_seconds_bucket{plugin=~\"$plugin\", le!=\"x_y\"}[$__rate_interval])))"
                + " > 0.2 and on (plugin) max without (pool) (hikaricp_connections_max) offset 5m"))
                .containsExactly("hikaricp_connections_max", "plugboard_run_duration_seconds_bucket");
    }
}
