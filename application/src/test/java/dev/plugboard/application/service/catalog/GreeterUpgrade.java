package dev.plugboard.application.service.catalog;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.SettableManifests;
import dev.plugboard.application.fixtures.TestClock;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.PlannedChange;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncCatalogCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncOptions;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncReport;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.List;
import java.util.Optional;

/**
 * The worked upgrade of docs/catalog.md, in memory: greeter 1.0.0 from the plugins directory, and
 * 1.1.0 whose schema makes {@code name} required.
 */
final class GreeterUpgrade {

    static final PluginName GREETER = PluginName.of("greeter");
    static final PluginManifest V1 = PluginManifest.builder("greeter", "1.0.0").source(PluginSource.MANIFEST_DIRECTORY)
            .settingsSchema(JsonDocument.parse("{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}"))
            .build();
    static final PluginManifest V2 = V1.toBuilder().version("1.1.0")
            .settingsSchema(JsonDocument.parse("{\"type\": \"object\", \"required\": [\"name\"],"
                    + " \"properties\": {\"name\": {\"type\": \"string\"}}}"))
            .build();

    final SettableManifests manifests = new SettableManifests(List.of(V1));
    final Plugboard plugboard = new InMemoryStores().wire(Plugboard.builder())
            .clock(new TestClock()).manifestSource(manifests).build();

    void install(String user, String settings) {
        plugboard.installations().install(new InstallPluginCommand(Caller.user(user, null), GREETER,
                Optional.of(JsonDocument.parse(settings)), Optional.empty()));
    }

    SyncReport dryRun() {
        return plugboard.catalogSync().sync(new SyncCatalogCommand(Actor.system(), Optional.empty(),
                new SyncOptions(true, false, false)));
    }

    static PlannedChange greeterLine(SyncReport report) {
        return report.plan().stream().filter(line -> line.plugin().equals("greeter")).findFirst().orElseThrow();
    }
}
