package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.port.out.InstallationStore;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link InstallationStore} must do: keep each installation's values apart, by key. */
public abstract class InstallationStoreContract extends ExecutionStorageContract {

    private static final JsonDocument COUNTS = JsonDocument.parse(
            "{\"messages\": 41, \"users\": [\"alice\", \"bob\"], \"daily\": {\"2026-01-01\": {\"in\": 3, \"out\": null}}}");

    protected UUID alices;
    protected UUID acmes;

    @BeforeEach
    void installations() {
        alices = installedWebhook(ALICE).id();
        acmes = installedWebhook(ACME).id();
    }

    protected InstallationStore store() {
        return execution.store();
    }

    @Test
    void put_thenGet_returnsTheValue_andAnUnknownKeyIsEmpty() {
        store().put(alices, "stats", COUNTS);

        assertThat(store().get(alices, "stats")).contains(COUNTS);
        assertThat(store().get(alices, "other")).isEmpty();
        assertThat(store().get(acmes, "stats")).isEmpty();
    }

    @Test
    void put_ofAnExistingKey_replacesItsValue() {
        store().put(alices, "stats", COUNTS);
        store().put(alices, "stats", JsonDocument.parse("{\"messages\": 42}"));

        assertThat(store().get(alices, "stats")).contains(JsonDocument.parse("{\"messages\": 42}"));
        assertThat(store().all(alices)).hasSize(1);
    }

    @Test
    void all_returnsEveryKeyOfTheInstallationOnly() {
        store().put(alices, "b", JsonDocument.parse("{\"n\": 2}"));
        store().put(alices, "a", JsonDocument.parse("{\"n\": 1}"));
        store().put(acmes, "a", JsonDocument.parse("{\"n\": 3}"));

        assertThat(store().all(alices)).containsOnlyKeys("a", "b")
                .containsEntry("a", JsonDocument.parse("{\"n\": 1}"))
                .containsEntry("b", JsonDocument.parse("{\"n\": 2}"));
        assertThat(store().all(acmes)).containsOnlyKeys("a");
        assertThat(store().all(UUID.randomUUID())).isEmpty();
    }

    @Test
    void delete_removesOnlyThatKey_andAMissingKeyIsNoError() {
        store().put(alices, "a", JsonDocument.parse("{\"n\": 1}"));
        store().put(alices, "b", JsonDocument.parse("{\"n\": 2}"));
        store().put(acmes, "a", JsonDocument.parse("{\"n\": 3}"));

        store().delete(alices, "a");
        store().delete(alices, "never-there");

        assertThat(store().get(alices, "a")).isEmpty();
        assertThat(store().all(alices)).containsOnlyKeys("b");
        assertThat(store().get(acmes, "a")).isPresent();
    }

    @Test
    void givenPutRolledBack_theValueIsNotKept() {
        store().put(alices, "stats", COUNTS);

        try {
            storage.transactions().inTransaction(() -> {
                store().put(alices, "stats", JsonDocument.parse("{\"messages\": 0}"));
                store().put(alices, "extra", JsonDocument.empty());
                throw new IllegalStateException("the handler failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(store().get(alices, "stats")).contains(COUNTS);
        assertThat(store().get(alices, "extra")).isEmpty();
    }
}
