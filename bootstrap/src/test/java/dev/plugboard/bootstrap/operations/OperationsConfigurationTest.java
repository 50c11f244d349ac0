package dev.plugboard.bootstrap.operations;

import dev.plugboard.bootstrap.launch.InvalidConfigurationException;
import dev.plugboard.domain.retention.RetentionKind;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code plugboard.rollups.*} and {@code plugboard.retention.*} as the server reads them: the seed's defaults, overrides, a window too short. */
class OperationsConfigurationTest {

    private static OperationsConfiguration read(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).build()) {
            Environment environment = context.getEnvironment();
            environment.start();
            return OperationsConfiguration.from(environment);
        }
    }

    @Test
    void givenNothingConfigured_theSeedsWindowsAndIntervalsApply() {
        OperationsConfiguration configuration = read(Map.of());
        assertThat(configuration.retention().window(RetentionKind.RUNS)).isEqualTo(Duration.ofDays(30));
        assertThat(configuration.retention().window(RetentionKind.ROLLUPS)).isEqualTo(Duration.ofDays(90));
        assertThat(configuration.retention().window(RetentionKind.ANALYTICS_DAYS)).isEqualTo(Duration.ofDays(365));
        assertThat(configuration.retention().window(RetentionKind.AUDIT)).isEqualTo(Duration.ofDays(730));
        assertThat(configuration.retention().window(RetentionKind.EVENT_KEYS)).isEqualTo(Duration.ofDays(7));
        assertThat(configuration.rollupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(configuration.retentionEnabled()).isTrue();
    }

    @Test
    void givenWindowsAsIsoDaysOrHours_theyAreRead() {
        OperationsConfiguration configuration = read(Map.of("plugboard.retention.runs", "P10D",
                "plugboard.retention.workflow-fires", "48h", "plugboard.rollups.interval", "1m",
                "plugboard.retention.enabled", "false"));
        assertThat(configuration.retention().window(RetentionKind.RUNS)).isEqualTo(Duration.ofDays(10));
        assertThat(configuration.retention().window(RetentionKind.WORKFLOW_FIRES)).isEqualTo(Duration.ofHours(48));
        assertThat(configuration.rollupInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(configuration.retentionEnabled()).isFalse();
    }

    @Test
    void givenAWindowUnderAnHour_theKeyIsNamed() {
        assertThatThrownBy(() -> read(Map.of("plugboard.retention.audit", "5m")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("plugboard.retention.audit=PT5M").hasMessageContaining("at least 1 hour");
    }
}
