package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.time.Durations;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestDocumentTest {

    private static PluginManifest read(String json) {
        return ManifestDocument.read(JsonDocument.parse(json), PluginSource.REGISTERED);
    }

    @Test
    void givenMinimalDocument_read_fillsTheDefaults() {
        PluginManifest manifest = read("{\"name\": \"echo\", \"version\": \"1.0.0\"}");

        assertThat(manifest.displayName()).isEqualTo("echo");
        assertThat(manifest.category()).isEqualTo(PluginManifest.DEFAULT_CATEGORY);
        assertThat(manifest.schemaVersion()).isEqualTo("v1");
        assertThat(manifest.execution()).isEqualTo(ExecutionPolicy.DEFAULT);
        assertThat(manifest.execution().startTimeout()).as("an external run waits 10 min for a worker").isEqualTo(Duration.ofMinutes(10));
        assertThat(manifest.execution().perOwnerLimit()).as("no per-owner limit").isEmpty();
        assertThat(manifest.source()).isEqualTo(PluginSource.REGISTERED);
    }

    @Test
    void givenFullDocument_read_thenWrite_roundTrips() {
        PluginManifest manifest = read("""
                {"name": "webhook", "version": "1.2.0", "displayName": "Webhook", "description": "Posts",
                 "owner": "acme", "category": "automation", "tags": ["http", "integration"], "icon": "send",
                 "capabilities": ["event:message.received"], "defaultSettings": {"method": "POST"},
                 "settingsSchema": {"type": "object"}, "inputSchema": {"type": "object"},
                 "outputSchema": {"type": "object"}, "dependencies": {"analytics": "^1.0.0"},
                 "execution": {"mode": "external", "timeout": "2m", "startTimeout": "90s", "maxConcurrentPerOwner": 3,
                   "retry": {"maxAttempts": 4, "initialBackoff": "500ms", "maxBackoff": "PT30S", "multiplier": 3,
                             "nonRetryableCodes": ["HTTP_4XX"]}}}""");

        assertThat(manifest.dependencies()).containsExactly(Dependency.of("analytics", "^1.0.0"));
        assertThat(manifest.execution().mode()).isEqualTo(ExecutionMode.EXTERNAL);
        assertThat(manifest.execution().timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(manifest.execution().startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(manifest.execution().perOwnerLimit()).hasValue(3);
        assertThat(manifest.execution().retry()).isEqualTo(new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30),
                3.0, Set.of("HTTP_4XX")));
        assertThat(ManifestDocument.read(ManifestDocument.write(manifest), PluginSource.REGISTERED)).isEqualTo(manifest);
    }

    @Test
    void givenInstalledFromAndSourceUrl_read_keepsTheOriginAndWriteRoundTripsIt() {
        PluginManifest manifest = read("{\"name\": \"echo\", \"version\": \"1.0.0\", \"installedFrom\": \"git_repository\", "
                + "\"sourceUrl\": \"https://github.com/acme/echo\"}");

        assertThat(manifest.origin()).contains(new PluginOrigin(PluginOrigin.InstalledFrom.GIT_REPOSITORY,
                java.util.Optional.of("https://github.com/acme/echo")));
        assertThat(ManifestDocument.write(manifest).get("installedFrom")).contains("GIT_REPOSITORY");
        assertThat(ManifestDocument.read(ManifestDocument.write(manifest), PluginSource.REGISTERED)).isEqualTo(manifest);
        assertThat(read("{\"name\": \"echo\", \"version\": \"1.0.0\", \"installedFrom\": \"INTERNAL\"}").origin())
                .hasValueSatisfying(origin -> assertThat(origin.sourceUrl()).isEmpty());
        assertThat(read("{\"name\": \"echo\", \"version\": \"1.0.0\"}").origin()).isEmpty();
    }

    @Test
    void givenBadOrigin_read_refusesItNamingTheFieldAndTheAcceptedValues() {
        assertThatThrownBy(() -> read("{\"name\": \"echo\", \"version\": \"1.0.0\", \"installedFrom\": \"GITHUB\"}"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getMessage())
                        .contains("installedFrom", "GITHUB", "GIT_REPOSITORY", "NPM_REGISTRY"));
        assertThatThrownBy(() -> read("{\"name\": \"echo\", \"version\": \"1.0.0\", \"sourceUrl\": \"https://x.test\"}"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getMessage())
                        .contains("sourceUrl", "needs installedFrom"));
        assertThatThrownBy(() -> read("{\"name\": \"echo\", \"version\": \"1.0.0\", \"installedFrom\": \"CUSTOM\", "
                + "\"sourceUrl\": \"not a url\"}"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getMessage())
                        .contains("sourceUrl", "not a url", "absolute URL"));
    }

    @Test
    void givenDependenciesAsAList_read_acceptsThem() {
        PluginManifest manifest = read("{\"name\": \"bb\", \"version\": \"1.0.0\", "
                + "\"dependencies\": [{\"plugin\": \"aa\", \"range\": \">=1.0.0 <2.0.0\"}]}");

        assertThat(manifest.dependencies()).extracting(Dependency::toString).containsExactly("aa >=1.0.0 <2.0.0");
    }

    @Test
    void givenUnknownField_read_refusesItNamingTheField() {
        assertThatThrownBy(() -> read("{\"name\": \"echo\", \"version\": \"1.0.0\", \"categroy\": \"x\"}"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.value()).isEqualTo("categroy");
                    assertThat(e.rule()).contains("is not a manifest field");
                });
    }

    @ParameterizedTest
    @CsvSource({"hooks, hooks", "onInstall, onInstall", "execution, execution.validate"})
    void givenAnExternalPluginDeclaringHooks_read_refusesItSayingWhyItCannotHaveAny(String field, String path) {
        String declared = field.equals("execution") ? "{\"mode\": \"external\", \"validate\": \"https://x\"}"
                : "{\"validate\": \"https://x\"}";
        assertThatThrownBy(() -> read("{\"name\": \"worker\", \"version\": \"1.0.0\", \"" + field + "\": "
                + declared + (field.equals("execution") ? "" : ", \"execution\": {\"mode\": \"external\"}") + "}"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.value()).isEqualTo(path);
                    assertThat(e.rule()).contains("cannot be declared in a manifest")
                            .contains("an external plugin (a worker) runs no code on the server, so it has no hooks");
                });
    }

    @Test
    void givenUnknownRetryField_read_namesItsPath() {
        assertThatThrownBy(() -> read("{\"name\": \"echo\", \"version\": \"1.0.0\", \"execution\": {\"retry\": {\"tries\": 3}}}"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.value()).isEqualTo("execution.retry.tries"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"version\": \"1.0.0\"}|name",
            "{\"name\": \"echo\"}|version",
            "{\"name\": \"echo\", \"version\": \"1.0.0\", \"tags\": \"one\"}|tags",
            "{\"name\": \"echo\", \"version\": \"1.0.0\", \"settingsSchema\": [1]}|settingsSchema",
            "{\"name\": \"echo\", \"version\": \"1.0.0\", \"execution\": {\"mode\": \"docker\"}}|execution.mode",
            "{\"name\": \"echo\", \"version\": \"1.0.0\", \"execution\": {\"timeout\": \"soon\"}}|execution.timeout",
            "{\"name\": \"echo\", \"version\": \"1.0.0\", \"execution\": {\"startTimeout\": \"later\"}}|execution.startTimeout",
            "{\"name\": \"echo\", \"version\": \"1.0.0\", \"execution\": {\"startTimeout\": \"200h\"}}|execution.startTimeout",
            "{\"name\": \"echo\", \"version\": \"1.0.0\", \"execution\": {\"maxConcurrentPerOwner\": 0}}|execution.maxConcurrentPerOwner",
            "{\"name\": \"echo\", \"version\": \"1.0.0\", \"execution\": {\"maxConcurrentPerOwner\": \"two\"}}|execution.maxConcurrentPerOwner",
            "{\"name\": \"echo\", \"version\": \"1.0.0\", \"execution\": {\"retry\": {\"maxAttempts\": 1.5}}}|execution.retry.maxAttempts"
    })
    void givenBadField_read_namesTheField(String json, String field) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void givenDurationsInTheOneGrammar_read_understandsThem() {
        PluginManifest manifest = read("{\"name\": \"echo\", \"version\": \"1.0.0\", \"execution\": {\"timeout\": \"1m30s\","
                + " \"retry\": {\"initialBackoff\": \"500ms\", \"maxBackoff\": \"PT2M\"}}}");

        assertThat(manifest.execution().timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void givenNumberWithoutUnit_read_refusesItNamingTheAcceptedForms() {
        assertThatThrownBy(() -> read("{\"name\": \"echo\", \"version\": \"1.0.0\", \"execution\": {\"timeout\": 45}}"))
                .hasMessage("invalid execution.timeout '45': not a duration; " + Durations.ACCEPTED);
    }
}
