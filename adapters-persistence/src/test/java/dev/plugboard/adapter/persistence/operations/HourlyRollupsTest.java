package dev.plugboard.adapter.persistence.operations;

import dev.plugboard.adapter.persistence.jdbc.JdbcJobLocks;
import dev.plugboard.adapter.persistence.jdbc.JdbcMetricsRollups;
import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.operations.PluginMetricsHour;
import dev.plugboard.application.port.in.operations.PluginMetricsUseCase.MetricsSeries;
import dev.plugboard.application.port.out.contract.Storage;
import dev.plugboard.application.service.operations.HourlyRollups;
import dev.plugboard.application.service.operations.PluginMetricsService;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The rollup job on PostgreSQL with a clock the test moves: runs spread over simulated hours roll
 * up into the right counts, failure codes and percentiles; the job catches up, is idempotent, and
 * of two racing instances exactly one rolls each hour.
 */
class HourlyRollupsTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final Instant H0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Owner ALICE = Owner.user("alice");
    private static final Owner BOB = Owner.user("bob");
    private static final PluginName WEBHOOK = PluginName.of("webhook");

    private final AtomicReference<Instant> now = new AtomicReference<>(H0);
    private Storage storage;
    private RunRows rows;

    @BeforeEach
    void setUp() {
        storage = DB.freshStorage();
        storage.plugins().save(Plugin.register(TestPlugins.webhook(), new SettingsPolicy(), H0));
        storage.owners().ensureExists(ALICE, H0);
        storage.owners().ensureExists(BOB, H0);
        rows = new RunRows(DB);
    }

    private HourlyRollups job() {
        return new HourlyRollups(DB.bean(JdbcMetricsRollups.class), DB.bean(JdbcJobLocks.class), storage.transactions(),
                now::get);
    }

    private PluginMetricsService metrics() {
        return new PluginMetricsService(DB.bean(JdbcMetricsRollups.class), storage.plugins(), storage.transactions());
    }

    private void threeHoursOfRuns() {
        // Hour 0: alice's four successes (100..400 ms), bob's timeout after 1 s.
        for (int i = 1; i <= 4; i++) {
            rows.finished(ALICE, "webhook", "completed", null, H0.plusSeconds(60L * i), 100L * i, 5L, 1_000L * i);
        }
        rows.finished(BOB, "webhook", "failed", "TIMEOUT", H0.plusSeconds(600), 1_000, null, null);
        // Hour 1: two failures of alice with different codes, one cancelled; bob's quick success.
        Instant h1 = H0.plus(Duration.ofHours(1));
        rows.finished(ALICE, "webhook", "failed", "HANDLER_ERROR", h1.plusSeconds(10), 20, null, null);
        rows.finished(ALICE, "webhook", "failed", "TIMEOUT", h1.plusSeconds(20), 40, null, null);
        rows.finished(ALICE, "webhook", "cancelled", null, h1.plusSeconds(30), 60, null, null);
        rows.finished(BOB, "webhook", "completed", null, h1.plusSeconds(40), 50, 30L, 4_096L);
        // Hour 2: one success, and runs that have not ended, which no rollup counts.
        Instant h2 = H0.plus(Duration.ofHours(2));
        rows.finished(ALICE, "webhook", "completed", null, h2.plusSeconds(5), 10, null, null);
        rows.unfinished(ALICE, "webhook", "pending", h2.plusSeconds(6));
        rows.unfinished(BOB, "webhook", "processing", h2.plusSeconds(7));
    }

    @Test
    void runsOverThreeSimulatedHours_rollUpIntoCountsFailureCodesAndPercentiles() {
        threeHoursOfRuns();
        now.set(H0.plus(Duration.ofMinutes(59)));
        assertThat(job().rollUpCompletedHours(100)).as("hour 0 has not ended").isZero();

        now.set(H0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(5)));
        assertThat(job().rollUpCompletedHours(100)).isEqualTo(3);

        MetricsSeries all = metrics().hourly(WEBHOOK, Optional.empty(), H0, H0.plus(Duration.ofHours(3)));
        assertThat(all.rolledUpTo()).contains(H0.plus(Duration.ofHours(3)));
        List<PluginMetricsHour> hours = all.hours();
        assertThat(hours).extracting(PluginMetricsHour::runs).containsExactly(5L, 4L, 1L);
        PluginMetricsHour first = hours.get(0);
        assertThat(first.successes()).isEqualTo(4);
        assertThat(first.failures()).isEqualTo(1);
        assertThat(first.failureCodes()).isEqualTo(Map.of("TIMEOUT", 1L));
        // percentile_cont over 100, 200, 300, 400, 1000 ms.
        assertThat(first.p50Ms()).hasValueSatisfying(p -> assertThat(p).isCloseTo(300, within(0.001)));
        assertThat(first.p95Ms()).hasValueSatisfying(p -> assertThat(p).isCloseTo(880, within(0.001)));
        assertThat(first.p99Ms()).hasValueSatisfying(p -> assertThat(p).isCloseTo(976, within(0.001)));
        assertThat(first.cpuTimeMs()).contains(20L);
        assertThat(first.peakMemoryBytes()).contains(4_000L);
        PluginMetricsHour second = hours.get(1);
        assertThat(second.failureCodes()).isEqualTo(Map.of("HANDLER_ERROR", 1L, "TIMEOUT", 1L));
        assertThat(second.cancelled()).isEqualTo(1);
        assertThat(second.successes()).isEqualTo(1);
        assertThat(second.peakMemoryBytes()).contains(4_096L);

        List<PluginMetricsHour> alices = metrics().hourly(WEBHOOK, Optional.of(ALICE), H0, H0.plus(Duration.ofHours(3))).hours();
        assertThat(alices).extracting(PluginMetricsHour::runs).containsExactly(4L, 3L, 1L);
        assertThat(alices.get(0).failures()).isZero();
        assertThat(alices.get(0).p50Ms()).hasValueSatisfying(p -> assertThat(p).isCloseTo(250, within(0.001)));
        assertThat(alices.get(1).failureCodes()).isEqualTo(Map.of("HANDLER_ERROR", 1L, "TIMEOUT", 1L));
        List<PluginMetricsHour> bobs = metrics().hourly(WEBHOOK, Optional.of(BOB), H0, H0.plus(Duration.ofHours(3))).hours();
        assertThat(bobs).extracting(PluginMetricsHour::runs).containsExactly(1L, 1L, 0L);
        assertThat(bobs.get(0).failureCodes()).isEqualTo(Map.of("TIMEOUT", 1L));
    }

    @Test
    void afterDowntime_theJobCatchesUpSeveralHoursAtOnce_andRunningItAgainChangesNothing() {
        threeHoursOfRuns();
        rows.finished(ALICE, "webhook", "completed", null, H0.plus(Duration.ofHours(7)).plusSeconds(1), 70, null, null);
        now.set(H0.plus(Duration.ofHours(10)).plus(Duration.ofMinutes(3)));

        assertThat(job().rollUpCompletedHours(100)).as("hours with runs: 0, 1, 2 and 7").isEqualTo(4);
        assertThat(job().rollUpCompletedHours(100)).isZero();
        DB.bean(JdbcMetricsRollups.class).rollUp(H0, now.get());

        MetricsSeries series = metrics().hourly(WEBHOOK, Optional.empty(), H0, H0.plus(Duration.ofHours(12)));
        assertThat(series.rolledUpTo()).contains(H0.plus(Duration.ofHours(10)));
        assertThat(series.hours()).as("zero-filled up to the last hour rolled up, nothing after")
                .extracting(PluginMetricsHour::runs).containsExactly(5L, 4L, 1L, 0L, 0L, 0L, 0L, 1L, 0L, 0L);
        assertThat(rows.count("SELECT count(*) FROM plugin_metrics_hourly")).isEqualTo(4);
    }

    @Test
    void twoInstancesRacing_rollEachHourExactlyOnce() throws Exception {
        for (int hour = 0; hour < 6; hour++) {
            rows.finished(ALICE, "webhook", "completed", null, H0.plus(Duration.ofHours(hour)).plusSeconds(9), 10, null, null);
            rows.finished(BOB, "webhook", "failed", "TIMEOUT", H0.plus(Duration.ofHours(hour)).plusSeconds(19), 10, null, null);
        }
        now.set(H0.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(3)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> racers = List.of(
                    pool.submit(() -> { start.await(); return job().rollUpCompletedHours(100); }),
                    pool.submit(() -> { start.await(); return job().rollUpCompletedHours(100); }));
            start.countDown();
            int rolled = racers.get(0).get(30, TimeUnit.SECONDS) + racers.get(1).get(30, TimeUnit.SECONDS);
            // The loser of a race for the lock stops; whatever it left, the winner or the next tick rolls.
            rolled += job().rollUpCompletedHours(100);
            assertThat(rolled).as("hours rolled by all instances together").isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
        assertThat(metrics().hourly(WEBHOOK, Optional.empty(), H0, H0.plus(Duration.ofHours(6))).hours())
                .allSatisfy(hour -> {
                    assertThat(hour.runs()).isEqualTo(2);
                    assertThat(hour.failureCodes()).isEqualTo(Map.of("TIMEOUT", 1L));
                });
    }

    @Test
    void whileAnotherInstanceHoldsTheLock_theJobRollsNothing() throws Exception {
        threeHoursOfRuns();
        now.set(H0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(5)));
        try (Connection other = DB.connect(); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("SELECT pg_try_advisory_xact_lock(hashtext('plugboard-job:" + HourlyRollups.JOB + "'))");
            assertThat(job().rollUpCompletedHours(100)).isZero();
            assertThat(rows.count("SELECT count(*) FROM plugin_metrics_hourly")).isZero();
            other.commit();
        }
        assertThat(job().rollUpCompletedHours(100)).isEqualTo(3);
    }

    @Test
    void aRangeOffTheHour_orBackwards_orForAnUnknownPlugin_isRefusedClearly() {
        assertThatThrownBy(() -> metrics().hourly(WEBHOOK, Optional.empty(), H0.plusSeconds(1), H0.plusSeconds(7200)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("whole UTC hour");
        assertThatThrownBy(() -> metrics().hourly(WEBHOOK, Optional.empty(), H0, H0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("must be after from");
        assertThatThrownBy(() -> metrics().hourly(PluginName.of("nope"), Optional.empty(), H0, H0.plusSeconds(3600)))
                .isInstanceOf(PluginNotFoundException.class);
    }
}
