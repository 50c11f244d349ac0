package dev.plugboard.application.service.secret;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase.Progress;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase.RotateCommand;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase.RotationReport;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotation re-encrypts every stored secret; plain-text secrets of older versions get sealed. */
class SecretKeysServiceTest {

    private static final PluginName WEBHOOK = PluginName.of("webhook");

    private final InMemoryStores storage = new InMemoryStores();
    private final Plugboard plugboard = storage.wire(Plugboard.builder()).manifest(TestPlugins.registrableWebhook()).build();

    @BeforeEach
    void catalog() {
        plugboard.syncCatalog();
    }

    private void install(String user, String token) {
        plugboard.installations().install(new InstallPluginCommand(Caller.user(user, "pro"), WEBHOOK,
                Optional.of(JsonDocument.parse("{\"url\": \"https://example.test/h\", \"token\": \"" + token + "\"}")),
                Optional.empty()));
    }

    @Test
    void givenSecretsSealedWithTheOldKey_rotate_reencryptsEveryOneKeepingTheirValues() {
        for (int i = 0; i < 7; i++) {
            install("user-" + i, "token-" + i);
        }
        install("no-secret-owner", "x-token");
        List<Progress> progress = new ArrayList<>();

        RotationReport report = plugboard.secretKeys().rotate(new RotateCommand(Actor.operator("ops"), 3, progress::add));

        assertThat(report.secretsReencrypted()).isEqualTo(8);
        assertThat(report.remaining()).isZero();
        assertThat(report.installationsVisited()).isGreaterThanOrEqualTo(8);
        assertThat(progress).isNotEmpty();
        for (int i = 0; i < 7; i++) {
            Installation stored = storage.installations.find(Owner.user("user-" + i), WEBHOOK).orElseThrow();
            assertThat(storage.cipher.sealedWithPrimaryKey(stored.secrets().asMap().get("/token"))).isTrue();
            assertThat(storage.secretInClear(Owner.user("user-" + i), "webhook", "/token")).isEqualTo("token-" + i);
            assertThat(stored.version()).isZero();
        }
        AuditEntry entry = plugboard.audit().list(new dev.plugboard.application.port.out.AuditFilter(Optional.empty(),
                Optional.empty(), Optional.of(AuditAction.SECRETS_ROTATED), Optional.empty()),
                dev.plugboard.application.port.PageRequest.first(10)).items().get(0);
        assertThat(entry.after().orElseThrow().at("/secretsReencrypted")).contains(8L);
        assertThat(entry.toString()).doesNotContain("token-");
    }

    @Test
    void givenNothingStale_reencrypt_changesNothing() {
        install("alice", "token-a");

        RotationReport report = plugboard.secretKeys().reencrypt(new RotateCommand(Actor.operator("ops"), 10, p -> { }));

        assertThat(report.secretsReencrypted()).isZero();
        assertThat(report.passes()).isEqualTo(1);
    }

    @Test
    void givenPlainTextSecretOfAnOlderVersion_sealPlainText_sealsItOnceAndKeepsItsValue() {
        Owner legacy = Owner.user("legacy");
        SettingsPolicy policy = plugboard.settingsPolicy();
        storage.owners.ensureExists(legacy, Instant.EPOCH);
        storage.installations.add(Installation.install(UUID.randomUUID(), legacy, WEBHOOK,
                policy.require(TestPlugins.registrableWebhook().settingsSpec(),
                        JsonDocument.parse("{\"url\": \"https://example.test/h\", \"token\": \"old-plain\"}")),
                true, Instant.EPOCH));

        long sealed = plugboard.secretKeys().sealPlainText();

        Installation stored = storage.installations.find(legacy, WEBHOOK).orElseThrow();
        assertThat(sealed).isOne();
        assertThat(stored.settings().at("/token")).contains(SettingsPolicy.REDACTED);
        assertThat(stored.secrets().pointers()).containsExactly("/token");
        assertThat(storage.secretInClear(legacy, "webhook", "/token")).isEqualTo("old-plain");
        assertThat(plugboard.secretKeys().sealPlainText()).isZero();
    }
}
