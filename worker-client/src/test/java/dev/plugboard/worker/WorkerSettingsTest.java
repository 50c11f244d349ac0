package dev.plugboard.worker;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerSettingsTest {

    private static final URI SERVER = URI.create("http://localhost:8080");

    @Test
    void givenOnlyTheRequiredValues_build_usesTheDocumentedDefaults() {
        WorkerSettings settings = WorkerSettings.builder(SERVER, () -> "token", List.of("summarizer")).build();

        assertThat(settings.concurrency()).isEqualTo(1);
        assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givenALeaseTheServerRefuses_build_failsNamingIt() {
        assertThatThrownBy(() -> WorkerSettings.builder(SERVER, () -> "token", List.of("summarizer"))
                .lease(Duration.ofSeconds(2)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT2S").hasMessageContaining("5s to 1h");
    }

    @Test
    void givenNoPlugins_build_failsSayingWhatToName() {
        assertThatThrownBy(() -> WorkerSettings.builder(SERVER, () -> "token", List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("execution.mode: external");
    }

    @Test
    void givenClaimedRunWithSecretSettings_toString_leavesTheSettingsOut() {
        ClaimedRun run = ClaimedRun.from(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(java.util.Map.of(
                "id", "r1", "plugin", "summarizer", "owner", "user:alice", "attempt", 1,
                "settings", java.util.Map.of("apiKey", "sk-secret-value"))));

        assertThat(run.settings().path("apiKey").asText()).isEqualTo("sk-secret-value");
        assertThat(run.toString()).contains("r1").doesNotContain("sk-secret-value");
    }

    @Test
    void givenACodeTheServerWouldRefuse_runFailure_failsNamingTheRule() {
        assertThatThrownBy(() -> new RunFailure("upstream-timeout", "slow", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upstream-timeout")
                .hasMessageContaining("UPPER_SNAKE_CASE");
        assertThat(new RunFailure("UPSTREAM_TIMEOUT", "slow", true).code()).isEqualTo("UPSTREAM_TIMEOUT");
    }
}
