package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.LimitOption;
import dev.plugboard.adapter.cli.support.Listing;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase;
import dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase;
import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.domain.plugin.Plugin;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code plugboard plugins list}: the catalog, filtered. */
@Prototype
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the plugins in the catalog, with their version and global status.",
        footer = {"%nExamples:", "  plugboard plugins list --category analytics",
                "  plugboard plugins list --capability event:message.received --search slack",
                "  plugboard plugins list --disabled --json | jq -r '.[].name'", "  plugboard plugins list --pending"})
public class ListPluginsCommand extends CliCommand {

    private final Provider<BrowseCatalogUseCase> catalog;
    private final Provider<ApprovePluginsUseCase> approvals;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "Only plugins in this category.")
    private String category;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only plugins with this tag; repeat it to require several.")
    private List<String> tags = new ArrayList<>();

    @Option(names = "--capability", paramLabel = "CAPABILITY",
            description = "Only plugins declaring this capability, e.g. event:message.received.")
    private String capability;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Only plugins whose name, display name, description or a tag contains TEXT (any case).")
    private String search;

    @Option(names = "--enabled", description = "Only plugins switched on.")
    private boolean enabled;

    @Option(names = "--disabled", description = "Only plugins switched off.")
    private boolean disabled;

    @Option(names = "--pending", description = "Instead of the catalog: the plugin versions waiting for an administrator's"
            + " approval (plugboard.catalog.new-plugins: pending-approval).")
    private boolean pending;

    @Mixin
    private LimitOption limit;

    @Mixin
    private JsonOption json;

    public ListPluginsCommand(Provider<BrowseCatalogUseCase> catalog, Provider<ApprovePluginsUseCase> approvals) {
        this.catalog = catalog;
        this.approvals = approvals;
    }

    @Override
    protected ExitCode execute() {
        if (enabled && disabled) {
            throw usageError("--enabled and --disabled exclude each other; give one of them, or neither for all plugins");
        }
        if (pending) {
            return listPending();
        }
        Optional<Boolean> state = enabled ? Optional.of(true) : disabled ? Optional.of(false) : Optional.empty();
        CatalogFilter filter = new CatalogFilter(Optional.ofNullable(category), Set.copyOf(tags), Optional.ofNullable(capability),
                Optional.ofNullable(search), state);
        BrowseCatalogUseCase browse = catalog.get();
        List<Plugin> plugins = Listing.fetch(page -> browse.list(filter, page), limit.value());
        if (json.enabled()) {
            Json.print(out(), plugins.stream().map(PluginOutput::summary).toList());
        } else if (plugins.isEmpty()) {
            out().println("No plugins match.");
        } else {
            PluginOutput.table(plugins, out());
        }
        return ExitCode.OK;
    }

    private ExitCode listPending() {
        List<PluginApproval> held = approvals.get().approvals(Optional.of(PluginApproval.Status.PENDING));
        if (json.enabled()) {
            Json.print(out(), held.stream().map(PluginOutput::approval).toList());
        } else if (held.isEmpty()) {
            out().println("No plugin is waiting for approval.");
        } else {
            PluginOutput.approvals(held, out());
        }
        return ExitCode.OK;
    }
}
