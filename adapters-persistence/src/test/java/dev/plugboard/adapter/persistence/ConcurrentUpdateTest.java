package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.out.contract.Storage;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Two writers load the same installation, each in its own transaction, and both update it: exactly one wins. */
class ConcurrentUpdateTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final Owner ALICE = Owner.user("alice");
    private static final PluginName WEBHOOK = PluginName.of("webhook");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @RepeatedTest(3)
    void twoWritersOfOneVersion_oneWinsAndTheOtherGetsAConcurrencyConflict() throws Exception {
        Storage storage = DB.freshStorage();
        SettingsPolicy policy = new SettingsPolicy();
        storage.plugins().save(Plugin.register(TestPlugins.webhook(), policy, T0));
        storage.owners().ensureExists(ALICE, T0);
        storage.installations().add(Installation.install(UUID.randomUUID(), ALICE, WEBHOOK,
                policy.require(TestPlugins.webhook().settingsSpec(), TestPlugins.webhookSettings()), true, T0));
        CyclicBarrier bothLoaded = new CyclicBarrier(2);

        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<Installation>> results = new ArrayList<>();
        try {
            results.add(writers.submit(() -> write(storage, bothLoaded, i -> i.toggle(false, T0.plusSeconds(1)))));
            results.add(writers.submit(() -> write(storage, bothLoaded, i -> i.recordFailure("boom", T0.plusSeconds(2)))));
            List<Installation> winners = new ArrayList<>();
            List<Throwable> losers = new ArrayList<>();
            for (Future<Installation> result : results) {
                try {
                    winners.add(result.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    losers.add(e.getCause());
                }
            }

            assertThat(winners).hasSize(1).allSatisfy(winner -> assertThat(winner.version()).isEqualTo(1));
            assertThat(losers).singleElement().isInstanceOfSatisfying(ConcurrencyConflictException.class,
                    conflict -> assertThat(conflict.expectedVersion()).isZero());
            Installation stored = storage.installations().find(ALICE, WEBHOOK).orElseThrow();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored).isEqualTo(winners.get(0));
        } finally {
            writers.shutdownNow();
        }
    }

    private static Installation write(Storage storage, CyclicBarrier bothLoaded, UnaryOperator<Installation> change) {
        return storage.transactions().inTransaction(() -> {
            Installation loaded = storage.installations().find(ALICE, WEBHOOK).orElseThrow();
            try {
                bothLoaded.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other writer never loaded the installation", e);
            }
            return storage.installations().update(change.apply(loaded));
        });
    }
}
