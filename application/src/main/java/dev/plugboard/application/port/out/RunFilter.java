package dev.plugboard.application.port.out;

import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;

import java.util.Optional;

/** Narrows a run listing by status and plugin. */
public record RunFilter(Optional<RunStatus> status, Optional<PluginName> plugin) {

    public static final RunFilter ALL = new RunFilter(Optional.empty(), Optional.empty());

    public RunFilter {
        status = status == null ? Optional.empty() : status;
        plugin = plugin == null ? Optional.empty() : plugin;
    }

    public boolean matches(PluginRun run) {
        return status.map(s -> s == run.status()).orElse(true) && plugin.map(p -> p.equals(run.plugin())).orElse(true);
    }
}
