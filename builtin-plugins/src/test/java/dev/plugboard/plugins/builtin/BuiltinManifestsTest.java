package dev.plugboard.plugins.builtin;

import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.SettingsValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltinManifestsTest {

    private final SettingsPolicy policy = new SettingsPolicy();

    @Test
    void theServiceLoaderFindsBothHandlers() {
        HandlerRegistry registry = HandlerRegistry.fromClasspath();

        assertThat(registry.plugins()).contains(PluginName.of("analytics"), PluginName.of("webhook"));
        assertThat(registry.find(PluginName.of("analytics"))).get().isInstanceOf(AnalyticsPlugin.class);
        assertThat(registry.find(PluginName.of("webhook"))).get().isInstanceOf(WebhookPlugin.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"analytics", "webhook"})
    void everySchemaIsUsableAndTheDefaultsSatisfyTheSettingsSchema(String name) {
        PluginManifest manifest = handler(name).manifest();

        assertThat(policy.problemsOf(manifest.settingsSpec())).isEmpty();
        assertThat(policy.schemaProblems("input schema", manifest.inputSchema().orElseThrow())).isEmpty();
        assertThat(policy.schemaProblems("output schema", manifest.outputSchema().orElseThrow())).isEmpty();
        assertThat(manifest.execution().mode()).isEqualTo(ExecutionMode.IN_PROCESS);
    }

    @Test
    void analyticsManifest() {
        PluginManifest manifest = new AnalyticsPlugin().manifest();

        assertThat(manifest.name().value()).isEqualTo("analytics");
        assertThat(manifest.version().toString()).isEqualTo("1.0.0");
        assertThat(manifest.category()).isEqualTo("analytics");
        assertThat(manifest.icon()).contains("chart-bar");
        assertThat(manifest.tags()).containsExactly("analytics", "statistics", "tracking");
        assertThat(manifest.capabilities()).containsExactly("event:message.received", "event:message.sent");
        assertThat(manifest.subscribesTo("message.received")).isTrue();
        assertThat(manifest.subscribesTo("message.sent")).isTrue();
        assertThat(manifest.execution().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(manifest.execution().retry().isRetryable("INVALID_INPUT")).isFalse();
    }

    @Test
    void analyticsSettings() {
        PluginManifest manifest = new AnalyticsPlugin().manifest();

        SettingsValidation defaults = policy.validate(manifest.settingsSpec(), JsonDocument.empty());
        assertThat(defaults.isValid()).isTrue();
        assertThat(defaults.effectiveSettings()).isEqualTo(JsonDocument.of(Map.of("trackUniqueUsers", true, "retentionDays", 90)));
        assertThat(policy.validate(manifest.settingsSpec(), JsonDocument.of(Map.of("retentionDays", 3650))).isValid()).isTrue();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("retentionDays", 0), Map.of("retentionDays", 3651),
                Map.of("retentionDays", 1.5), Map.of("trackUniqueUsers", "yes"), Map.of("colour", "red"))) {
            assertThat(policy.validate(manifest.settingsSpec(), JsonDocument.of(bad)).isValid()).as("%s", bad).isFalse();
        }
    }

    @Test
    void webhookManifest() {
        PluginManifest manifest = new WebhookPlugin().manifest();

        assertThat(manifest.name().value()).isEqualTo("webhook");
        assertThat(manifest.version().toString()).isEqualTo("1.0.0");
        assertThat(manifest.category()).isEqualTo("automation");
        assertThat(manifest.icon()).contains("send");
        assertThat(manifest.tags()).containsExactly("http", "integration", "webhook");
        assertThat(manifest.capabilities()).containsExactly("event:message.received");
        var retry = manifest.execution().retry();
        assertThat(retry.maxAttempts()).isEqualTo(5);
        assertThat(retry.initialBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.maxBackoff()).isEqualTo(Duration.ofMinutes(2));
        assertThat(retry.nonRetryableCodes()).containsExactlyInAnyOrder("INVALID_SETTINGS", "HTTP_4XX", "OUTBOUND_BLOCKED",
                "OUTBOUND_RESPONSE_TOO_LARGE");
        // The executor's timeout leaves room for the longest exchange the settings allow.
        assertThat(manifest.execution().timeout()).isGreaterThan(Duration.ofSeconds(60));
    }

    @Test
    void webhookSettings() {
        PluginManifest manifest = new WebhookPlugin().manifest();

        assertThat(policy.secretPointers(manifest.settingsSpec(), JsonDocument.of(Map.of("url", "https://x", "secret", "0123456789abcdef"))))
                .containsExactly("/secret");
        assertThat(policy.validate(manifest.settingsSpec(), JsonDocument.empty()).violations())
                .extracting(violation -> violation.keyword()).containsExactly("required");
        SettingsValidation minimal = policy.validate(manifest.settingsSpec(),
                JsonDocument.of(Map.of("url", "https://example.org/hook")));
        assertThat(minimal.isValid()).isTrue();
        assertThat(minimal.effectiveSettings()).isEqualTo(JsonDocument.of(Map.of(
                "url", "https://example.org/hook", "method", "POST", "timeoutSeconds", 10)));
        assertThat(policy.validate(manifest.settingsSpec(), JsonDocument.of(Map.of("url", "https://example.org/hook",
                "method", "PUT", "secret", "0123456789abcdef", "timeoutSeconds", 60))).isValid()).isTrue();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("url", "ftp://example.org/hook"),
                Map.of("url", "https://example.org/hook", "method", "GET"),
                Map.of("url", "https://example.org/hook", "secret", "too-short"),
                Map.of("url", "https://example.org/hook", "timeoutSeconds", 0),
                Map.of("url", "https://example.org/hook", "timeoutSeconds", 61),
                Map.of("url", "https://example.org/hook", "headers", Map.of()))) {
            assertThat(policy.validate(manifest.settingsSpec(), JsonDocument.of(bad)).isValid()).as("%s", bad).isFalse();
        }
        assertThat(policy.redact(manifest.settingsSpec(), JsonDocument.of(Map.of("url", "https://example.org/hook",
                "secret", "0123456789abcdef"))).at("/secret")).contains(SettingsPolicy.REDACTED);
    }

    private static PluginHandler handler(String name) {
        return HandlerRegistry.fromClasspath().find(PluginName.of(name)).orElseThrow();
    }
}
