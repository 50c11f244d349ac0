package dev.plugboard.bootstrap.outbound;

import dev.plugboard.adapter.outbound.OutboundPolicy;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import dev.plugboard.domain.error.InvalidValueException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code plugboard.outbound.*} as the server reads it: defaults, a comma-separated allow list or a YAML list, and bad values. */
class OutboundConfigurationTest {

    private static OutboundPolicy read(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).build()) {
            Environment environment = context.getEnvironment();
            environment.start();
            return OutboundConfiguration.from(environment);
        }
    }

    @Test
    void givenNothingConfigured_theGuardAllowsNothingInternal_withTheDefaultLimits() {
        assertThat(read(Map.of())).isEqualTo(OutboundPolicy.defaults());
    }

    @Test
    void givenAnAllowListAndLimits_theyAreRead() {
        OutboundPolicy policy = read(Map.of("plugboard.outbound.allow", "localhost, 10.0.0.0/8",
                "plugboard.outbound.max-redirects", "2", "plugboard.outbound.max-response-bytes", "4096",
                "plugboard.outbound.call-timeout", "20s", "plugboard.outbound.connect-timeout", "500ms"));

        assertThat(policy.allow()).contains("localhost").contains("10.0.0.0/8");
        assertThat(policy.maxRedirects()).isEqualTo(2);
        assertThat(policy.maxResponseBytes()).isEqualTo(4096);
        assertThat(policy.callTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(read(Map.of("plugboard.outbound.allow", List.of("localhost", "::1"))).allow()).isEqualTo("localhost,::1");
    }

    @Test
    void givenABadAllowEntry_theStartStopsNamingItBeforeAnyDatabase(@TempDir Path data) {
        assertThatThrownBy(() -> LaunchConfiguration.resolve(Map.of(LaunchConfiguration.DATA_DIR, data.toString(),
                OutboundConfiguration.ALLOW, "localhost, not a host"), true))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("invalid plugboard.outbound.allow 'not a host': each entry must be a CIDR block"
                        + " (10.0.0.0/8, fd00::/8), an IP address or a host name");
        assertThat(data.resolve("pgdata")).doesNotExist();
    }
}
