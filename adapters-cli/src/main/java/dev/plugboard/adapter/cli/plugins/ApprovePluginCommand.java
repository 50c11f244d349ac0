package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;

/** {@code plugboard plugins approve NAME}: approves the plugin's held version; the next sync applies it. */
@Prototype
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approve the version of a plugin held under plugboard.catalog.new-plugins: pending-approval.",
                "The next `plugboard plugins sync` (or server start) applies it. Exit 3 when nothing of that name is held,"
                        + " 5 when it was decided already."},
        footer = {"%nExample:", "  plugboard plugins list --pending", "  plugboard plugins approve greeter",
                "  plugboard plugins sync"})
public class ApprovePluginCommand extends DecideApprovalCommand {

    public ApprovePluginCommand(Provider<ApprovePluginsUseCase> approvals) {
        super(approvals);
    }

    @Override
    protected boolean approve() {
        return true;
    }
}
