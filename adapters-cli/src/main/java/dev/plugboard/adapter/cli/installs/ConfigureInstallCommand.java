package dev.plugboard.adapter.cli.installs;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.adapter.cli.support.SettingsInput;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;
import java.util.OptionalLong;

/** {@code plugboard installs configure NAME}: replaces an installation's settings. */
@Prototype
@Command(name = "configure", mixinStandardHelpOptions = true,
        description = {"Replace an installation's settings. A secret left out, or given as \"(set)\", keeps its stored"
                + " value. Settings that break the plugin's schema are refused with every violation (exit 4)."},
        footer = {"%nExamples:", "  plugboard installs configure webhook --user alice --settings webhook.json",
                "  plugboard installs configure webhook --user alice --settings - < webhook.json",
                "  plugboard installs configure webhook --user alice --environment staging --settings staging.json"})
public class ConfigureInstallCommand extends CliCommand {

    private final Provider<ConfigureInstallationUseCase> configuring;

    @Parameters(paramLabel = "NAME", description = "The installed plugin's name.")
    private String plugin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Option(names = "--settings", paramLabel = "FILE|-", required = true,
            description = "A JSON object of settings, from FILE or from standard input (-).")
    private String settings;

    @Option(names = "--environment", paramLabel = "ENV",
            description = "Set ENV's override instead of the base settings (a JSON Merge Patch over the stored override);"
                    + " the base settings with it over them must satisfy the schema as a whole.")
    private String environment;

    public ConfigureInstallCommand(Provider<ConfigureInstallationUseCase> configuring) {
        this.configuring = configuring;
    }

    @Override
    protected ExitCode execute() {
        InstallationView view = configuring.get().configure(new ConfigureInstallationCommand(
                owner.caller(Optional.empty()), PluginName.of(plugin), SettingsInput.read(settings), OptionalLong.empty(),
                Environment.of(environment)));
        out().println(InstallationOutput.summary("Configured", view));
        return ExitCode.OK;
    }
}
