package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.application.port.in.catalog.PurgePluginUseCase;
import dev.plugboard.application.port.in.catalog.PurgePluginUseCase.PurgePluginCommand;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plugboard plugins purge NAME --yes}: removes a retired plugin nobody has installed, for good. */
@Prototype
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Remove a plugin from the catalog for good, with its run history: a retired plugin (its manifest"
                + " left the plugins directory) or one registered over the API, once no installation is left.",
                "Builtins, and plugins whose manifest is still in the plugins directory, are refused (exit 5)."
                + " Nothing is removed without --yes."},
        footer = {"%nExample:", "  plugboard plugins purge old-greeter --yes"})
public class PurgePluginsCommand extends CliCommand {

    private final Provider<PurgePluginUseCase> purging;

    @Parameters(paramLabel = "NAME", description = "The plugin's name.")
    private String name;

    @Option(names = "--yes", description = "Confirm: remove the plugin and its run history for good.")
    private boolean confirmed;

    public PurgePluginsCommand(Provider<PurgePluginUseCase> purging) {
        this.purging = purging;
    }

    @Override
    protected ExitCode execute() {
        PluginName plugin = PluginName.of(name);
        if (!confirmed) {
            throw usageError("purging removes plugin " + plugin + " and its run history for good; nothing was removed:"
                    + " add --yes to confirm");
        }
        Plugin purged = purging.get().purge(new PurgePluginCommand(Operator.actor(), plugin));
        out().println("Purged plugin " + purged.name() + " " + purged.version() + " and its run history.");
        return ExitCode.OK;
    }
}
