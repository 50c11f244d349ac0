package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.installation.Attention;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.installation.SettingsOverride;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.PluginAlreadyInstalledException;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SealedSecrets;
import dev.plugboard.domain.settings.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link dev.plugboard.application.port.out.InstallationRepository} must do. */
public abstract class InstallationRepositoryContract extends StorageContract {

    private static final PluginName WEBHOOK = PluginName.of("webhook");

    @Test
    void givenAddedInstallation_find_returnsItAtVersionZeroWithItsSettings() {
        Installation added = installedWebhook(ALICE);

        Installation found = storage.installations().find(ALICE, WEBHOOK).orElseThrow();

        assertThat(found.id()).isEqualTo(added.id());
        assertThat(found.version()).isZero();
        assertThat(found.settings()).isEqualTo(added.settings());
        assertThat(found.settings().at("/token")).contains("s3cr3t");
        assertThat(found.isEnabled()).isTrue();
        assertThat(found.executionCount()).isZero();
        assertThat(found.lastExecutedAt()).isEmpty();
        assertThat(found.lastError()).isEmpty();
        assertThat(found.createdAt()).isEqualTo(T0);
    }

    @Test
    void givenOverridesOfTwoEnvironments_putOverride_keepsEachApartLeavesTheBaseAndAnEmptyOneRemovesIt() {
        Installation added = installedWebhook(ALICE);
        Environment staging = new Environment("staging");
        Environment eu = new Environment("eu-prod");
        SettingsOverride stagingOverride = new SettingsOverride(staging, JsonDocument.of(Map.of("url", "https://staging.test",
                "token", "(set)")), SealedSecrets.of(Map.of("/token", "sealed-for-staging")));

        storage.installations().putOverride(added.id(), stagingOverride);
        storage.installations().putOverride(added.id(), new SettingsOverride(eu, JsonDocument.of(Map.of("retries", 2)),
                SealedSecrets.none()));

        assertThat(storage.installations().overrides(added.id())).containsOnlyKeys(staging, eu);
        assertThat(storage.installations().overrides(added.id()).get(staging)).isEqualTo(stagingOverride);
        assertThat(storage.installations().find(ALICE, WEBHOOK).orElseThrow().settings()).isEqualTo(added.settings());
        assertThat(storage.installations().find(ALICE, WEBHOOK).orElseThrow().version()).isZero();

        storage.installations().putOverride(added.id(), new SettingsOverride(eu, JsonDocument.empty(), SealedSecrets.none()));

        assertThat(storage.installations().overrides(added.id())).containsOnlyKeys(staging);
        storage.installations().remove(ALICE, WEBHOOK);
        assertThat(storage.installations().overrides(added.id())).isEmpty();
    }

    @Test
    void givenOverridesOfTwoEnvironments_findWithOverrides_returnsTheInstallationWithBoth_andNoneForAnotherOwner() {
        Installation added = installedWebhook(ALICE);
        Environment staging = new Environment("staging");
        Environment eu = new Environment("eu-prod");
        SettingsOverride stagingOverride = new SettingsOverride(staging, JsonDocument.of(Map.of("level", "debug")),
                SealedSecrets.of(Map.of("/token", "sealed-for-staging")));
        SettingsOverride euOverride = new SettingsOverride(eu, JsonDocument.of(Map.of("retries", 2)), SealedSecrets.none());
        List.of(euOverride, stagingOverride).forEach(override -> storage.installations().putOverride(added.id(), override));

        var read = storage.installations().findWithOverrides(ALICE, WEBHOOK).orElseThrow();

        assertThat(read.installation()).isEqualTo(storage.installations().find(ALICE, WEBHOOK).orElseThrow());
        assertThat(read.overrides()).containsExactly(Map.entry(eu, euOverride), Map.entry(staging, stagingOverride));
        assertThat(storage.installations().findWithOverrides(BOB, WEBHOOK)).isEmpty();
        storage.installations().putOverride(added.id(), new SettingsOverride(eu, JsonDocument.empty(), SealedSecrets.none()));
        storage.installations().putOverride(added.id(), new SettingsOverride(staging, JsonDocument.empty(), SealedSecrets.none()));
        assertThat(storage.installations().findWithOverrides(ALICE, WEBHOOK).orElseThrow().overrides()).isEmpty();
    }

    @Test
    void givenAStoredOverride_replaceOverride_replacesItOnlyWhileItIsTheExpectedOne() {
        Installation added = installedWebhook(ALICE);
        Environment staging = new Environment("staging");
        SettingsOverride read = new SettingsOverride(staging, JsonDocument.of(Map.of("token", "(set)")),
                SealedSecrets.of(Map.of("/token", "sealed-with-the-old-key")));
        SettingsOverride resealed = new SettingsOverride(staging, read.visible(),
                SealedSecrets.of(Map.of("/token", "sealed-with-the-new-key")));
        SettingsOverride changedMeanwhile = new SettingsOverride(staging, JsonDocument.of(Map.of("token", "(set)", "retries", 3)),
                SealedSecrets.of(Map.of("/token", "sealed-by-the-owner")));
        storage.installations().putOverride(added.id(), read);

        assertThat(storage.installations().replaceOverride(added.id(), read, resealed)).isTrue();
        assertThat(storage.installations().overrides(added.id()).get(staging)).isEqualTo(resealed);

        storage.installations().putOverride(added.id(), changedMeanwhile);
        assertThat(storage.installations().replaceOverride(added.id(), resealed,
                new SettingsOverride(staging, resealed.visible(), SealedSecrets.of(Map.of("/token", "again"))))).isFalse();
        assertThat(storage.installations().overrides(added.id()).get(staging)).isEqualTo(changedMeanwhile);
        assertThat(storage.installations().replaceOverride(added.id(),
                new SettingsOverride(new Environment("eu-prod"), read.visible(), read.secrets()),
                new SettingsOverride(new Environment("eu-prod"), read.visible(), resealed.secrets()))).isFalse();
        assertThat(storage.installations().overrides(added.id())).containsOnlyKeys(staging);
    }

    @Test
    void givenInstallationWithProvenance_findAndUpdate_keepWhoInstalledItAndAtWhichVersion() {
        installedWebhook(BOB);
        storage.owners().ensureExists(ALICE, T0);
        registered(TestPlugins.analytics());
        Installation recorded = storage.installations().add(Installation.install(UUID.randomUUID(), ALICE,
                PluginName.of("analytics"), POLICY.require(TestPlugins.analytics().settingsSpec(), JsonDocument.empty()),
                true, T0).withProvenance(dev.plugboard.domain.installation.Provenance.of("user:alice", "1.0.0")));

        Installation found = storage.installations().find(ALICE, PluginName.of("analytics")).orElseThrow();
        Installation toggled = storage.installations().update(found.toggle(false, T0.plusSeconds(1)));

        assertThat(found.provenance()).isEqualTo(dev.plugboard.domain.installation.Provenance.of("user:alice", "1.0.0"));
        assertThat(toggled.provenance()).isEqualTo(recorded.provenance());
        assertThat(storage.installations().find(ALICE, PluginName.of("analytics")).orElseThrow().provenance())
                .isEqualTo(recorded.provenance());
        assertThat(storage.installations().find(BOB, WEBHOOK).orElseThrow().provenance().installedBy()).isEmpty();
    }

    @Test
    void givenSecretReferences_put_replacesThemAndRemoveTakesThemAlong() {
        Installation added = installedWebhook(ALICE);

        storage.installations().putSecretReferences(added.id(), Map.of("default#/token", "${env:ALICE_TOKEN}"));
        storage.installations().putSecretReferences(added.id(), Map.of("default#/token", "${file:/run/secrets/token}",
                "staging#/token", "${env:STAGING_TOKEN}"));

        assertThat(storage.installations().secretReferences(added.id())).isEqualTo(Map.of(
                "default#/token", "${file:/run/secrets/token}", "staging#/token", "${env:STAGING_TOKEN}"));
        storage.installations().remove(ALICE, WEBHOOK);
        assertThat(storage.installations().secretReferences(added.id())).isEmpty();
    }

    @Test
    void givenAnotherOwnersInstallation_find_isEmpty() {
        installedWebhook(ALICE);

        assertThat(storage.installations().find(BOB, WEBHOOK)).isEmpty();
        assertThat(storage.installations().find(ACME, WEBHOOK)).isEmpty();
        assertThat(storage.installations().findByOwner(BOB)).isEmpty();
        assertThat(storage.installations().countByOwner(BOB)).isZero();
    }

    @Test
    void givenUserAndOrganizationWithTheSameId_theyAreDifferentOwners() {
        installedWebhook(dev.plugboard.domain.owner.Owner.user("acme"));

        assertThat(storage.installations().find(ACME, WEBHOOK)).isEmpty();
        assertThat(storage.installations().countByOwner(dev.plugboard.domain.owner.Owner.user("acme"))).isOne();
    }

    @Test
    void givenInstalledPlugin_addingItAgain_isRefusedAsAlreadyInstalled() {
        installedWebhook(ALICE);

        assertThatThrownBy(() -> installedWebhook(ALICE))
                .isInstanceOfSatisfying(PluginAlreadyInstalledException.class, e -> {
                    assertThat(e.owner()).isEqualTo(ALICE);
                    assertThat(e.plugin()).isEqualTo("webhook");
                });
        assertThat(storage.installations().countByOwner(ALICE)).isOne();
    }

    @Test
    void givenSeveralInstallations_findByOwner_listsTheOwnersByPluginNameAndCountsThem() {
        installedWebhook(ALICE);
        installed(ALICE, TestPlugins.analytics(), JsonDocument.empty());
        installedWebhook(BOB);

        assertThat(storage.installations().findByOwner(ALICE)).extracting(i -> i.plugin().value())
                .containsExactly("analytics", "webhook");
        assertThat(storage.installations().countByOwner(ALICE)).isEqualTo(2);
    }

    @Test
    void givenCurrentVersion_update_storesTheChangeAndIncrementsTheVersion() {
        Installation added = installedWebhook(ALICE);

        Installation updated = storage.installations().update(added.toggle(false, at(1)));

        assertThat(updated.version()).isEqualTo(1);
        Installation found = storage.installations().find(ALICE, WEBHOOK).orElseThrow();
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.isEnabled()).isFalse();
        assertThat(found.updatedAt()).isEqualTo(at(1));
    }

    @Test
    void givenExecutions_recordExecution_countsThemWithoutTouchingTheVersion() {
        installedWebhook(ALICE);

        storage.installations().recordExecution(ALICE, WEBHOOK, at(2), java.util.Optional.of("boom"));
        storage.installations().recordExecution(ALICE, WEBHOOK, at(3), java.util.Optional.of("bang"));

        Installation found = storage.installations().find(ALICE, WEBHOOK).orElseThrow();
        assertThat(found.executionCount()).isEqualTo(2);
        assertThat(found.lastError()).contains("bang");
        assertThat(found.lastExecutedAt()).contains(at(3));
        assertThat(found.version()).isZero();
        storage.installations().recordExecution(ALICE, WEBHOOK, at(4), java.util.Optional.empty());
        assertThat(storage.installations().find(ALICE, WEBHOOK).orElseThrow().lastError()).isEmpty();
        assertThat(storage.installations().find(BOB, WEBHOOK)).isEmpty();
    }

    @Test
    void givenRunsEndingForGood_whenRecordFinalAttempt_thenTheExecutionIsCountedAsRecordExecutionDoes() {
        installedWebhook(ALICE);

        storage.installations().recordFinalAttempt(ALICE, WEBHOOK, at(2), java.util.Optional.of("boom"));
        storage.installations().recordFinalAttempt(ALICE, WEBHOOK, at(3), java.util.Optional.empty());

        Installation found = storage.installations().find(ALICE, WEBHOOK).orElseThrow();
        assertThat(found.executionCount()).isEqualTo(2);
        assertThat(found.lastError()).isEmpty();
        assertThat(found.lastExecutedAt()).contains(at(3));
        assertThat(found.version()).isZero();
        assertThat(storage.installations().find(BOB, WEBHOOK)).isEmpty();
    }

    @Test
    void givenAFailedRun_whenThreeSucceededRunsAreCountedAtOnce_thenTheyCountAsThreeRecordFinalAttempts() {
        installedWebhook(ALICE);
        installedWebhook(BOB);
        storage.installations().recordFinalAttempt(ALICE, WEBHOOK, at(2), java.util.Optional.of("boom"));
        storage.installations().recordFinalAttempt(BOB, WEBHOOK, at(2), java.util.Optional.of("boom"));

        storage.installations().recordSucceededRuns(ALICE, WEBHOOK, 3, at(5));
        for (int i = 0; i < 3; i++) {
            storage.installations().recordFinalAttempt(BOB, WEBHOOK, at(5), java.util.Optional.empty());
        }

        Installation alices = storage.installations().find(ALICE, WEBHOOK).orElseThrow();
        Installation bobs = storage.installations().find(BOB, WEBHOOK).orElseThrow();
        assertThat(alices.executionCount()).isEqualTo(4).isEqualTo(bobs.executionCount());
        assertThat(alices.lastError()).isEmpty();
        assertThat(alices.lastExecutedAt()).contains(at(5)).isEqualTo(bobs.lastExecutedAt());
        assertThat(alices.version()).isZero();
    }

    @Test
    void givenExecutionsRecordedAfterLoading_update_keepsTheCountsInsteadOfTheStaleCopy() {
        Installation loaded = installedWebhook(ALICE);
        storage.installations().recordExecution(ALICE, WEBHOOK, at(2), java.util.Optional.empty());

        Installation updated = storage.installations().update(loaded.toggle(false, at(3)));

        assertThat(updated.executionCount()).isEqualTo(1);
        assertThat(storage.installations().find(ALICE, WEBHOOK).orElseThrow().executionCount()).isEqualTo(1);
    }

    @Test
    void givenStaleVersion_update_failsWithConcurrencyErrorAndKeepsTheWinnersChange() {
        Installation loadedByBoth = installedWebhook(ALICE);
        storage.installations().update(loadedByBoth.toggle(false, at(1)));

        assertThatThrownBy(() -> storage.installations().update(loadedByBoth.toggle(true, at(2))))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.aggregate()).isEqualTo("installation");
                    assertThat(e.expectedVersion()).isZero();
                });
        Installation found = storage.installations().find(ALICE, WEBHOOK).orElseThrow();
        assertThat(found.isEnabled()).isFalse();
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void givenInstallationOfAnotherOwner_update_cannotReachIt() {
        Installation alices = installedWebhook(ALICE);
        Installation forged = Installation.reconstitute(alices.id(), BOB, WEBHOOK, alices.settings(), dev.plugboard.domain.settings.SealedSecrets.none(), false, 0, null,
                null, 0, T0, T0);

        assertThatThrownBy(() -> storage.installations().update(forged)).isInstanceOf(RuntimeException.class);
        assertThat(storage.installations().find(ALICE, WEBHOOK).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void givenInstallation_remove_deletesOnlyThatOwnersInstallation() {
        installedWebhook(ALICE);
        installedWebhook(BOB);

        assertThat(storage.installations().remove(ALICE, WEBHOOK)).isTrue();
        assertThat(storage.installations().remove(ALICE, WEBHOOK)).isFalse();

        assertThat(storage.installations().find(ALICE, WEBHOOK)).isEmpty();
        assertThat(storage.installations().find(BOB, WEBHOOK)).isPresent();
    }

    @Test
    void givenInstallationsOfTwoOwners_countByPlugin_countsBoth_andNoneForAnotherPlugin() {
        installedWebhook(ALICE);
        installedWebhook(ACME);

        assertThat(storage.installations().countByPlugin(WEBHOOK)).isEqualTo(2);
        assertThat(storage.installations().countByPlugin(PluginName.of("analytics"))).isZero();
        assertThat(storage.installations().findByPlugin(WEBHOOK)).extracting(Installation::owner)
                .containsExactlyInAnyOrder(ALICE, ACME);
        assertThat(storage.installations().findByPlugin(PluginName.of("analytics"))).isEmpty();
    }

    @Test
    void givenAnInstallationNeedingAttention_update_storesItsViolations_andAValidConfigureClearsThem() {
        Installation stored = installedWebhook(ALICE);
        Attention attention = Attention.of(List.of(new Violation("/name", "required", "required property 'name' not found")));

        Installation marked = storage.installations().update(stored.revalidated(stored.settings(), attention, T0));

        assertThat(marked.attention()).isEqualTo(attention);
        assertThat(storage.installations().find(ALICE, WEBHOOK)).get().extracting(Installation::attention).isEqualTo(attention);
        assertThat(storage.installations().findByPlugin(WEBHOOK)).singleElement()
                .satisfies(found -> assertThat(found.attention().needed()).isTrue());

        storage.installations().update(marked.toggle(false, T0));
        assertThat(storage.installations().find(ALICE, WEBHOOK)).get().extracting(Installation::attention)
                .as("a toggle keeps the attention").isEqualTo(attention);

        Installation current = storage.installations().find(ALICE, WEBHOOK).orElseThrow();
        storage.installations().update(current.configure(POLICY.require(TestPlugins.webhook().settingsSpec(),
                JsonDocument.parse("{\"url\": \"https://example.test/x\"}")), T0));
        assertThat(storage.installations().find(ALICE, WEBHOOK)).get().extracting(Installation::attention)
                .isEqualTo(Attention.none());
    }

    @Test
    void givenNewId_add_keepsTheIdItWasGiven() {
        UUID id = installedWebhook(ACME).id();

        assertThat(storage.installations().find(ACME, WEBHOOK)).get().extracting(Installation::id).isEqualTo(id);
    }

    private Installation installedWithSealedToken(dev.plugboard.domain.owner.Owner owner) {
        Installation plain = installedWebhook(owner);
        Installation sealed = plain.resealed(plain.settings().replaceAt("/token", "(set)"),
                SealedSecrets.of(Map.of("/token", "ciphertext-1")));
        assertThat(storage.installations().reseal(plain, sealed)).isTrue();
        return storage.installations().find(owner, WEBHOOK).orElseThrow();
    }

    @Test
    void givenSealedSecrets_theyRoundTripApartFromTheVisibleSettings() {
        Installation stored = installedWithSealedToken(ALICE);

        assertThat(stored.settings().at("/token")).contains("(set)");
        assertThat(stored.secrets().asMap()).containsExactly(Map.entry("/token", "ciphertext-1"));
        Installation updated = storage.installations().update(stored.toggle(false, at(1)));
        assertThat(updated.secrets()).isEqualTo(stored.secrets());
        assertThat(storage.installations().find(ALICE, WEBHOOK).orElseThrow().secrets()).isEqualTo(stored.secrets());
    }

    @Test
    void givenUnchangedRow_reseal_replacesSettingsAndSecretsButNotTheVersion() {
        Installation stored = installedWithSealedToken(ALICE);

        boolean done = storage.installations().reseal(stored, stored.resealed(stored.settings(),
                SealedSecrets.of(Map.of("/token", "ciphertext-2"))));

        Installation after = storage.installations().find(ALICE, WEBHOOK).orElseThrow();
        assertThat(done).isTrue();
        assertThat(after.secrets().asMap()).containsExactly(Map.entry("/token", "ciphertext-2"));
        assertThat(after.version()).isEqualTo(stored.version());
        assertThat(after.updatedAt()).isEqualTo(stored.updatedAt());
    }

    @Test
    void givenRowWrittenSinceItWasRead_reseal_changesNothing() {
        Installation read = installedWithSealedToken(ALICE);
        Installation sealedByOwner = read.resealed(read.settings(), SealedSecrets.of(Map.of("/token", "owner-wrote-this")));
        storage.installations().update(read.configure(POLICY.require(TestPlugins.webhook().settingsSpec(),
                        JsonDocument.parse("{\"url\": \"https://example.test/x\"}")), at(2)));

        boolean done = storage.installations().reseal(read, sealedByOwner);

        assertThat(done).isFalse();
        assertThat(storage.installations().find(ALICE, WEBHOOK).orElseThrow().secrets().isEmpty()).isTrue();
    }

    @Test
    void givenInstallationsOfSeveralOwners_findBatch_pagesThroughAllByIdOnce() {
        installedWebhook(ALICE);
        installedWebhook(BOB);
        installedWebhook(ACME);
        installed(ALICE, TestPlugins.analytics(), JsonDocument.empty());

        List<Installation> first = storage.installations().findBatch(Optional.empty(), 3);
        List<Installation> rest = storage.installations().findBatch(Optional.of(first.get(2).id()), 3);

        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(1);
        List<UUID> ids = new java.util.ArrayList<>(first.stream().map(Installation::id).toList());
        ids.addAll(rest.stream().map(Installation::id).toList());
        assertThat(ids).doesNotHaveDuplicates().hasSize(4);
        assertThat(storage.installations().findBatch(Optional.of(rest.get(0).id()), 3)).isEmpty();
    }
}
