package dev.plugboard.domain.health;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How signals become a score and a state. */
class HealthPolicyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HealthPolicy policy = HealthPolicy.DEFAULT;

    private static HealthSignals runs(int finished, int succeeded, long p95Millis) {
        return new HealthSignals(finished, succeeded, Optional.of(Duration.ofMillis(p95Millis)), TIMEOUT, 0, 0,
                Optional.empty(), Optional.empty());
    }

    @Test
    void givenTooFewRuns_theStateIsUnknown() {
        assertThat(policy.assess(runs(4, 0, 100)).state()).isEqualTo(HealthState.UNKNOWN);
    }

    @Test
    void givenTheSuccessRate_theScoreFollowsIt_andTheThresholdsSetTheState() {
        assertThat(policy.assess(runs(10, 10, 100))).satisfies(a -> {
            assertThat(a.score()).isEqualTo(100);
            assertThat(a.state()).isEqualTo(HealthState.HEALTHY);
        });
        assertThat(policy.assess(runs(10, 6, 100)).state()).isEqualTo(HealthState.DEGRADED);
        assertThat(policy.assess(runs(10, 4, 100))).satisfies(a -> {
            assertThat(a.score()).isEqualTo(40);
            assertThat(a.state()).isEqualTo(HealthState.UNHEALTHY);
            assertThat(a.reason()).isEqualTo("40% of the last 10 runs succeeded");
        });
    }

    @Test
    void givenSlowRuns_openCircuitsOrNoWorker_pointsAreLost() {
        assertThat(policy.assess(runs(10, 10, 9_000)).score()).isEqualTo(80);
        assertThat(policy.assess(new HealthSignals(0, 0, Optional.empty(), TIMEOUT, 5, 0, Optional.empty(),
                Optional.empty()))).satisfies(a -> {
            assertThat(a.score()).isEqualTo(60);
            assertThat(a.reason()).isEqualTo("5 circuit(s) open");
        });
        assertThat(policy.assess(new HealthSignals(0, 0, Optional.empty(), TIMEOUT, 0, 3, Optional.of(false),
                Optional.empty())).state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(policy.assess(new HealthSignals(0, 0, Optional.empty(), TIMEOUT, 0, 3, Optional.of(true),
                Optional.empty())).state()).isEqualTo(HealthState.UNKNOWN);
    }

    @Test
    void givenThePluginsOwnCheck_itCapsTheScore() {
        HealthSignals degraded = new HealthSignals(10, 10, Optional.empty(), TIMEOUT, 0, 0, Optional.empty(),
                Optional.of(HealthState.DEGRADED));
        assertThat(policy.assess(degraded).state()).isEqualTo(HealthState.DEGRADED);
        assertThat(policy.assess(new HealthSignals(0, 0, Optional.empty(), TIMEOUT, 0, 0, Optional.empty(),
                Optional.of(HealthState.UNHEALTHY))).state()).isEqualTo(HealthState.UNHEALTHY);
    }

    @Test
    void givenAStateChange_onlyThenTheChangeTimeMoves() {
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        PluginHealth first = PluginHealth.unknown(dev.plugboard.domain.plugin.PluginName.of("probe"), t0);
        PluginHealth healthy = first.next(policy.assess(runs(10, 10, 1)), t0.plusSeconds(30));
        PluginHealth still = healthy.next(policy.assess(runs(10, 10, 1)), t0.plusSeconds(60));

        assertThat(healthy.lastStateChange()).isEqualTo(t0.plusSeconds(30));
        assertThat(still.lastStateChange()).isEqualTo(t0.plusSeconds(30));
        assertThat(still.lastCheck()).isEqualTo(t0.plusSeconds(60));
    }

    @Test
    void givenThresholdsTheWrongWayRound_thePolicyIsRefused() {
        assertThatThrownBy(() -> new HealthPolicy(40, 60, 5, 0.8)).isInstanceOf(IllegalArgumentException.class);
    }
}
