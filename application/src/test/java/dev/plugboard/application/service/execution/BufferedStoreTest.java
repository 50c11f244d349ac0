package dev.plugboard.application.service.execution;

import dev.plugboard.application.inmemory.InMemoryInstallationStore;
import dev.plugboard.application.inmemory.InMemoryTransactionBoundary;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BufferedStoreTest {

    private final InMemoryInstallationStore store = new InMemoryInstallationStore();
    private final InMemoryTransactionBoundary transactions = new InMemoryTransactionBoundary(List.of(store));
    private final UUID installation = UUID.randomUUID();

    private static JsonDocument count(long n) {
        return JsonDocument.of(Map.of("n", n));
    }

    private static long read(JsonDocument document) {
        return (Long) document.get("n").orElse(0L);
    }

    private long increment(dev.plugboard.application.spi.KeyValueStore view) {
        long next = view.get("counter").map(BufferedStoreTest::read).orElse(0L) + 1;
        view.put("counter", count(next));
        return next;
    }

    @Test
    void givenAtomicWorkAndAConcurrentCommit_commit_replaysTheWorkOnTheValueStoredThen() {
        store.put(installation, "counter", count(1));
        BufferedStore first = new BufferedStore(store, transactions, installation);
        BufferedStore second = new BufferedStore(store, transactions, installation);

        long seenByFirst = first.atomically(this::increment);
        long seenBySecond = second.atomically(this::increment);
        second.commit();
        first.commit();

        assertThat(seenByFirst).isEqualTo(2);
        assertThat(seenBySecond).isEqualTo(2);
        assertThat(store.get(installation, "counter").map(BufferedStoreTest::read)).contains(3L);
    }

    @Test
    void givenPlainPut_commit_writesTheValueAsIs_andNothingBeforeCommit() {
        BufferedStore buffered = new BufferedStore(store, transactions, installation);

        buffered.put("k", count(7));
        buffered.delete("gone");

        assertThat(buffered.get("k")).contains(count(7));
        assertThat(store.get(installation, "k")).isEmpty();
        buffered.commit();
        assertThat(store.get(installation, "k")).contains(count(7));
    }

    @Test
    void givenNestedAtomicWork_commit_replaysItOnce() {
        BufferedStore buffered = new BufferedStore(store, transactions, installation);

        buffered.atomically(view -> view.atomically(this::increment));
        buffered.commit();

        assertThat(store.get(installation, "counter").map(BufferedStoreTest::read)).contains(1L);
    }
}
