package dev.plugboard.application.port.in.catalog;

import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.Require;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Re-reads the manifests (builtin and the plugins directory) and brings the catalog in line:
 * new plugins are added, changed ones updated (version changes recorded), and every plugin keeps
 * the enabled state an administrator gave it.
 */
public interface SyncCatalogUseCase {

    /** Sync from the configured sources, or from {@code directory} instead of the configured plugins directory. */
    record SyncCatalogCommand(Actor actor, Optional<Path> directory) {
        public SyncCatalogCommand {
            Require.present("actor", actor);
            directory = directory == null ? Optional.empty() : directory;
        }
    }

    /** A plugin whose manifest changed, with the version before and after. */
    record Change(String plugin, String fromVersion, String toVersion) {
    }

    /** What the sync did to each plugin it saw. */
    record SyncReport(List<String> added, List<Change> updated, List<String> unchanged,
                      List<ManifestDiscovery.Problem> rejected) {
        public SyncReport {
            added = List.copyOf(added);
            updated = List.copyOf(updated);
            unchanged = List.copyOf(unchanged);
            rejected = List.copyOf(rejected);
        }

        public String summary() {
            return added.size() + " added, " + updated.size() + " updated, " + unchanged.size() + " unchanged, "
                    + rejected.size() + " rejected";
        }
    }

    SyncReport sync(SyncCatalogCommand command);
}
