package dev.plugboard.adapter.cli.secrets;

import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.adapter.cli.testing.TestPlugboard;
import dev.plugboard.domain.audit.AuditAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plugboard secrets ...} and the owner-aware dry run of {@code installs validate}. */
class SecretCommandsTest {

    private static final String GOOD = "{\"url\": \"https://example.test/hook\", \"token\": \"s3cr3t-token-value\"}";

    private TestPlugboard plugboard;

    @BeforeEach
    void freshState() {
        plugboard = Cli.reset();
    }

    @Test
    void givenInstalledSecrets_rotate_reportsWhatItReencryptedAndShowsProgressOnStderr() {
        Cli.runWithInput(GOOD, "installs", "add", "webhook", "--user", "alice", "--settings", "-");

        CliResult result = Cli.run("secrets", "rotate", "--batch-size", "10");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Rotated to key ").contains("1 secrets re-encrypted");
        assertThat(result.err()).contains("re-encrypt installations: 1 so far, 1 secrets re-encrypted (0 in environment overrides)");
        assertThat(result.out() + result.err()).doesNotContain("s3cr3t");
        assertThat(plugboard.plugboard().audit().list(new dev.plugboard.application.port.out.AuditFilter(
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of(AuditAction.SECRETS_ROTATED),
                java.util.Optional.empty()), dev.plugboard.application.port.PageRequest.first(5)).items()).hasSize(1);
    }

    @Test
    void givenBadBatchSize_rotate_isAUsageErrorNamingIt() {
        CliResult result = Cli.run("secrets", "rotate", "--batch-size", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("batch size");
    }

    @Test
    void reencrypt_resumesWithoutAddingAKey() {
        Cli.runWithInput(GOOD, "installs", "add", "webhook", "--user", "alice", "--settings", "-");

        CliResult result = Cli.run("secrets", "reencrypt");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Re-encrypted 0 secrets");
    }

    @Test
    void newKey_printsTheKeysetWithoutTouchingTheDatabase() {
        CliResult result = Cli.run("secrets", "new-key");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("primaryKeyId");
        assertThat(plugboard.uses()).isZero();
    }

    @Test
    void givenOwnerWithAStoredSecret_validate_mergesOverTheStoredSettingsAsConfigureWould() {
        Cli.runWithInput(GOOD, "installs", "add", "webhook", "--user", "alice", "--settings", "-");

        CliResult merged = Cli.runWithInput("{\"retries\": 2}", "installs", "validate", "webhook", "--user", "alice",
                "--settings", "-", "--json");
        CliResult removed = Cli.runWithInput("{\"url\": \"ftp://x\"}", "installs", "validate", "webhook", "--user", "alice",
                "--settings", "-");

        assertThat(merged.exitCode()).as(merged.toString()).isZero();
        assertThat(merged.out()).contains("\"token\" : \"(set)\"", "\"retries\" : 2", "https://example.test/hook");
        assertThat(removed.exitCode()).isEqualTo(4);
    }
}
