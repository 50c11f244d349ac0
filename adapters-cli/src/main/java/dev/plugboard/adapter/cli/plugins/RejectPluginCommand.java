package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;

/** {@code plugboard plugins reject NAME}: rejects the plugin's held version; it is never applied. */
@Prototype
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = {"Reject the version of a plugin held under plugboard.catalog.new-plugins: pending-approval.",
                "It is never applied; a rejected new plugin takes no installs (PLUGIN_REJECTED)."},
        footer = {"%nExample:", "  plugboard plugins reject greeter"})
public class RejectPluginCommand extends DecideApprovalCommand {

    public RejectPluginCommand(Provider<ApprovePluginsUseCase> approvals) {
        super(approvals);
    }

    @Override
    protected boolean approve() {
        return false;
    }
}
