package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.PluginApprovalRepository;
import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.SemanticVersion;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Held plugin versions in memory, for tests and an embedded Plugboard. */
public final class InMemoryPluginApprovalRepository implements PluginApprovalRepository {

    private record Key(PluginName plugin, SemanticVersion version) {
    }

    private final Map<Key, PluginApproval> rows = new ConcurrentHashMap<>();

    @Override
    public Optional<PluginApproval> find(PluginName plugin, SemanticVersion version) {
        return Optional.ofNullable(rows.get(new Key(plugin, version)));
    }

    @Override
    public Optional<PluginApproval> latest(PluginName plugin) {
        return rows.values().stream().filter(row -> row.plugin().equals(plugin))
                .max(Comparator.comparing(PluginApproval::requestedAt).thenComparing(PluginApproval::version));
    }

    @Override
    public List<PluginApproval> findAll(Optional<PluginApproval.Status> status) {
        return rows.values().stream().filter(row -> status.map(wanted -> row.status() == wanted).orElse(true))
                .sorted(Comparator.comparing(PluginApproval::requestedAt).thenComparing(row -> row.plugin().value()))
                .toList();
    }

    @Override
    public void save(PluginApproval approval) {
        rows.put(new Key(approval.plugin(), approval.version()), approval);
    }
}
