package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard plugins} group: the catalog and its global switch. */
@Prototype
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Browse the plugin catalog, switch plugins on and off for everyone, register and sync manifests.",
        subcommands = {ListPluginsCommand.class, ShowPluginCommand.class, EnablePluginCommand.class,
                DisablePluginCommand.class, SyncPluginsCommand.class, RegisterPluginCommand.class,
                PluginHealthCommand.class, PurgePluginsCommand.class, PluginImpactCommand.class,
                ApprovePluginCommand.class, RejectPluginCommand.class},
        footer = {"%nExamples:", "  plugboard plugins list", "  plugboard plugins disable analytics"})
public class PluginsCommand extends CommandGroup {
}
