package dev.plugboard.bootstrap.monitoring;

import dev.plugboard.bootstrap.launch.InvalidConfigurationException;
import dev.plugboard.domain.owner.Owner;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code plugboard.health.*} and {@code plugboard.alerts.*}: defaults, overrides and clear refusals. */
class HealthConfigurationTest {

    @Test
    void givenNothing_theDocumentedDefaultsApply() {
        HealthConfiguration configuration = from(Map.of());

        assertThat(configuration.enabled()).isTrue();
        assertThat(configuration.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(configuration.settings().window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(configuration.settings().policy().healthyScore()).isEqualTo(80);
        assertThat(configuration.settings().policy().unhealthyScore()).isEqualTo(50);
        assertThat(configuration.settings().alertsOwner()).isEqualTo(Owner.user("ops"));
        assertThat(configuration.settings().backlogThreshold()).isEqualTo(100);
    }

    @Test
    void givenOverrides_theyAreRead() {
        HealthConfiguration configuration = from(Map.of("plugboard.health.interval", "5s",
                "plugboard.health.latency-percent", "50", "plugboard.alerts.owner", "org:noc",
                "plugboard.health.sample-runs", "7"));

        assertThat(configuration.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(configuration.settings().policy().latencyRatio()).isEqualTo(0.5);
        assertThat(configuration.settings().alertsOwner()).isEqualTo(Owner.organization("noc"));
        assertThat(configuration.settings().sampleRuns()).isEqualTo(7);
    }

    @Test
    void givenThresholdsTheWrongWayRound_orABadOwner_startUpIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> from(Map.of("plugboard.health.healthy-score", "40", "plugboard.health.unhealthy-score", "60")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("plugboard.health")
                .hasMessageContaining("unhealthy-score at most healthy-score");
        assertThatThrownBy(() -> from(Map.of("plugboard.alerts.owner", "ops")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("plugboard.alerts.owner='ops'")
                .hasMessageContaining("user:<id>");
    }

    private static HealthConfiguration from(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).build()) {
            context.getEnvironment().start();
            return HealthConfiguration.from(context.getEnvironment());
        }
    }
}
