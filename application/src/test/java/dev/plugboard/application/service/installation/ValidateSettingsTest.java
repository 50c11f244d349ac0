package dev.plugboard.application.service.installation;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidateSettingsCommand;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidationReport;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A dry run of settings against a plugin's schema: the verdict, and nothing stored or audited. */
class ValidateSettingsTest {

    private final Plugboard plugboard = Plugboard.builder().manifest(TestPlugins.registrableWebhook()).build();
    private int auditEntriesBefore;

    @BeforeEach
    void syncedCatalog() {
        plugboard.syncCatalog();
        auditEntriesBefore = AuditEntries.all(plugboard).size();
    }

    private ValidationReport validate(String plugin, String settings) {
        return plugboard.installations().validate(new ValidateSettingsCommand(PluginName.of(plugin), JsonDocument.parse(settings)));
    }

    @Test
    void givenInvalidSettings_validate_returnsEveryViolationAndTheSummaryAndStoresNothing() {
        ValidationReport report = validate("webhook", "{\"url\": \"ftp://x\", \"method\": \"GET\"}");

        assertThat(report.valid()).isFalse();
        assertThat(report.violations()).extracting(Violation::pointer, Violation::keyword)
                .containsExactly(tuple("/method", "enum"), tuple("/url", "pattern"));
        assertThat(report.summary()).contains("settings validation failed: " + report.violations().stream()
                .map(Violation::toString).collect(Collectors.joining("; ")));
        assertThat(plugboard.installations().listInstallations(Owner.user("alice"))).isEmpty();
        assertThat(AuditEntries.all(plugboard)).hasSize(auditEntriesBefore);
    }

    @Test
    void givenValidSettings_validate_returnsTheEffectiveSettingsWithDefaultsAndSecretsRedacted() {
        ValidationReport report = validate("webhook", "{\"url\": \"https://example.test/hook\", \"token\": \"s3cr3t\"}");

        assertThat(report.valid()).isTrue();
        assertThat(report.violations()).isEmpty();
        assertThat(report.summary()).isEmpty();
        assertThat(report.effectiveSettings()).isEqualTo(JsonDocument.parse(
                "{\"url\": \"https://example.test/hook\", \"token\": \"(set)\", \"method\": \"POST\"}"));
        assertThat(AuditEntries.all(plugboard)).hasSize(auditEntriesBefore);
    }

    @Test
    void givenUnknownPlugin_validate_throwsPluginNotFound() {
        assertThatThrownBy(() -> validate("nope", "{}"))
                .isInstanceOfSatisfying(PluginNotFoundException.class, e -> assertThat(e.plugin()).isEqualTo("nope"));
    }
}
