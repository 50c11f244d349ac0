package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase.DecideCommand;
import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.domain.plugin.PluginName;
import jakarta.inject.Provider;
import picocli.CommandLine.Parameters;

/** What {@code plugins approve} and {@code plugins reject} share: the decision on the version a plugin has waiting. */
abstract class DecideApprovalCommand extends CliCommand {

    private final Provider<ApprovePluginsUseCase> approvals;

    @Parameters(paramLabel = "NAME", description = "The plugin whose held version is decided (see `plugins list --pending`).")
    private String name;

    DecideApprovalCommand(Provider<ApprovePluginsUseCase> approvals) {
        this.approvals = approvals;
    }

    protected abstract boolean approve();

    @Override
    protected ExitCode execute() {
        PluginApproval decided = approvals.get().decide(new DecideCommand(Operator.actor(), PluginName.of(name), approve()));
        out().println("Plugin " + decided.plugin() + " " + decided.version() + " (" + decided.reason() + ") is "
                + decided.status().wireName() + (approve()
                ? "; `plugboard plugins sync` (or the next server start) applies it."
                : "; it is never applied."));
        return ExitCode.OK;
    }
}
