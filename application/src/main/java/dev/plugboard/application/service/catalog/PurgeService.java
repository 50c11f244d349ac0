package dev.plugboard.application.service.catalog;

import dev.plugboard.application.port.in.catalog.PurgePluginUseCase;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.plugin.PluginStillUsedException;

/** Purges retired (or API-registered) plugins nobody has installed any more; audited with what was removed. */
public final class PurgeService implements PurgePluginUseCase {

    private final PluginRepository plugins;
    private final InstallationRepository installations;
    private final AuditTrail audit;

    public PurgeService(PluginRepository plugins, InstallationRepository installations, AuditTrail audit) {
        this.plugins = plugins;
        this.installations = installations;
        this.audit = audit;
    }

    @Override
    public Plugin purge(PurgePluginCommand command) {
        String name = command.plugin().value();
        return audit.perform(command.actor(), AuditAction.PLUGIN_PURGED, AuditEntry.pluginTarget(name), () -> {
            Plugin plugin = plugins.find(command.plugin()).orElseThrow(() -> new PluginNotFoundException(name));
            PluginSource source = plugin.manifest().source();
            if (source == PluginSource.BUILTIN) {
                throw new PluginStillUsedException(name, "it is a builtin plugin, part of this Plugboard; disable it instead");
            }
            if (source == PluginSource.MANIFEST_DIRECTORY && !plugin.isRetired()) {
                throw new PluginStillUsedException(name, "its manifest is still in the plugins directory, so the next sync"
                        + " would add it again; remove plugins/" + name + "/ and run `plugboard plugins sync` to retire it first");
            }
            long installed = installations.countByPlugin(command.plugin());
            if (installed > 0) {
                throw new PluginStillUsedException(name, installed + " installation(s) still use it; they are kept with their"
                        + " history until their owners uninstall it (`plugboard installs remove " + name + " --user ...`)");
            }
            plugins.delete(command.plugin());
            audit.success(command.actor(), AuditAction.PLUGIN_PURGED, AuditEntry.pluginTarget(name), CatalogService.state(plugin),
                    null, "purged version " + plugin.version() + (plugin.isRetired() ? " (retired)" : "")
                            + " with its run history");
            return plugin;
        });
    }
}
