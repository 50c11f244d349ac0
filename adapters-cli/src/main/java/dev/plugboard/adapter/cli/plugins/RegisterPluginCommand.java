package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.RegisterFileCommand;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.Registration;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code plugboard plugins register MANIFEST}: adds or updates one plugin from its manifest file. */
@Prototype
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Add a plugin to the catalog from its manifest file (plugin.yaml, .yml or .json, with a"
                + " settings.schema.json beside it when the manifest has no settingsSchema), or update the plugin"
                + " of that name. A new plugin starts enabled; an existing one keeps its state.",
                "A plugin the plugins directory added is replaced only with --force; a builtin never."},
        footer = {"%nExample:", "  plugboard plugins register ./plugins/webhook/plugin.yaml"})
public class RegisterPluginCommand extends CliCommand {

    private final Provider<RegisterPluginUseCase> registering;

    @Parameters(paramLabel = "MANIFEST", description = "The manifest file.")
    private Path manifest;

    @Option(names = "--force", description = "Take over a plugin the plugins directory added (audited). A builtin is never replaced.")
    private boolean force;

    public RegisterPluginCommand(Provider<RegisterPluginUseCase> registering) {
        this.registering = registering;
    }

    @Override
    protected ExitCode execute() {
        Registration registration = registering.get().registerFile(new RegisterFileCommand(Operator.actor(), manifest, force));
        out().println((registration.created() ? "Registered plugin " : "Updated plugin ")
                + registration.plugin().name() + " " + registration.plugin().version()
                + " (" + PluginOutput.status(registration.plugin()) + ").");
        return ExitCode.OK;
    }
}
