package dev.plugboard.adapter.cli.testing;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.inmemory.InMemoryPluginApprovalRepository;
import dev.plugboard.domain.approval.NewPluginsPolicy;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.domain.plugin.PluginManifest;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory Plugboard behind the commands under test, rebuilt for every test; it counts how
 * often a command reached for a use case, which stands for "touched the database".
 */
@Singleton
public class TestPlugboard {

    /** The catalog every test starts with; reports depends on analytics. */
    public static List<PluginManifest> manifests() {
        // Queued for external workers: with no handlers here, in-process plugins' runs would fail with NO_HANDLER.
        return List.of(TestPlugins.queued(TestPlugins.analytics()), TestPlugins.registrableWebhook(),
                TestPlugins.queued(TestPlugins.chat()), TestPlugins.queued(TestPlugins.summarizer()), TestPlugins.dependingOn("reports", "1.0.0", "analytics", "^1.0.0"));
    }

    private final AtomicInteger uses = new AtomicInteger();
    private Plugboard plugboard;
    private InMemoryPluginApprovalRepository approvals = new InMemoryPluginApprovalRepository();

    public synchronized void reset() {
        approvals = new InMemoryPluginApprovalRepository();
        plugboard = Plugboard.builder().manifestSource(new TestManifestSource(manifests()))
                .newPlugins(NewPluginsPolicy.ENABLED, approvals).build();
        plugboard.syncCatalog();
        uses.set(0);
    }

    /** The instance tests arrange state with; does not count as a use. */
    public synchronized Plugboard plugboard() {
        if (plugboard == null) {
            reset();
        }
        return plugboard;
    }

    synchronized Plugboard use() {
        uses.incrementAndGet();
        return plugboard();
    }

    /** Where held plugin versions are kept, for tests to arrange a version waiting for approval. */
    public synchronized InMemoryPluginApprovalRepository approvals() {
        plugboard();
        return approvals;
    }

    public int uses() {
        return uses.get();
    }
}
