package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.settings.InvalidSettingsException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one policy that says whether a run may start or execute, asked by every path that queues or
 * claims runs (the run service, the in-process executor, external workers): the plugin is enabled,
 * the owner's installation is enabled, something can execute it, the circuit admits it, and the
 * owner stays within the plugin's per-owner concurrency.
 */
public final class RunAdmission {

    private final PluginRepository plugins;
    private final InstallationRepository installations;
    private final RunOutcomes outcomes;
    private final HandlerRegistry handlers;

    public RunAdmission(PluginRepository plugins, InstallationRepository installations, RunOutcomes outcomes,
                        HandlerRegistry handlers) {
        this.plugins = plugins;
        this.installations = installations;
        this.outcomes = outcomes;
        this.handlers = handlers;
    }

    /** A plugin and the owner's installation of it, both switched on. */
    public record Admitted(Plugin plugin, Installation installation) {
    }

    /**
     * Before a run is queued: the plugin and the owner's installation exist and are on; otherwise
     * the domain's own error (not found, disabled) tells the caller what to do.
     */
    public Admitted toStart(Owner owner, PluginName name) {
        Plugin plugin = plugins.find(name).orElseThrow(() -> new PluginNotFoundException(name.value()));
        plugin.requireEnabled();
        Installation installation = installations.find(owner, name)
                .orElseThrow(() -> new InstallationNotFoundException(owner, name.value()));
        installation.requireEnabled();
        installation.requireSettingsValid();
        return new Admitted(plugin, installation);
    }

    /**
     * Just after a run was queued: a run nothing could ever execute (an in-process plugin with no
     * handler here) fails at once with {@code NO_HANDLER} instead of waiting forever, and while the
     * circuit is open the run is rejected with {@code PLUGIN_CIRCUIT_OPEN}.
     *
     * @return the rejected run, or empty when it may wait for its turn
     */
    public Optional<PluginRun> rejectedAtStart(PluginRun queued, Plugin plugin) {
        if (plugin.manifest().execution().mode() != ExecutionMode.EXTERNAL && handlers.find(plugin.name()).isEmpty()) {
            return Optional.of(outcomes.rejected(queued, new RunError("NO_HANDLER", "plugin " + plugin.name()
                    + " has no handler in this server and is not run by external workers"
                    + " (its manifest says execution mode in-process); install its handler or set 'execution: {mode: external}'")));
        }
        return outcomes.rejectedWhileOpen(queued);
    }

    /**
     * A run just claimed (by this server or a worker): the plugin and installation must still be on
     * and the circuit must admit it. When not, the run fails here, never reaching a handler.
     */
    public Optional<Admitted> toExecute(PluginRun claimed) {
        return toExecute(claimed, new ClaimReads());
    }

    /**
     * What admission read for the runs of one claim, by owner and plugin, so that a claim of many
     * runs of one owner and plugin reads the installation and the circuit once, in the claim's
     * transaction: nothing in it changes either (a refused run counts on the installation, which
     * changes neither its switch nor its settings); an open circuit is read again for every run, since
     * admitting a run may change it.
     */
    final class ClaimReads {
        private final Map<List<Object>, Optional<Installation>> found = new HashMap<>();
        private final Set<List<Object>> closedCircuits = new HashSet<>();

        private Optional<Installation> installation(PluginRun run) {
            return found.computeIfAbsent(List.of(run.owner(), run.plugin()), key -> installations.find(run.owner(), run.plugin()));
        }

        private boolean circuitClosed(PluginRun run) {
            List<Object> key = List.of(run.owner(), run.plugin());
            if (closedCircuits.contains(key)) {
                return true;
            }
            boolean closed = outcomes.circuitClosed(run.owner(), run.plugin());
            if (closed) {
                closedCircuits.add(key);
            }
            return closed;
        }
    }

    /** {@link #toExecute(PluginRun)} with what was read for earlier runs of the same claim. */
    Optional<Admitted> toExecute(PluginRun claimed, ClaimReads reads) {
        Optional<Plugin> plugin = plugins.find(claimed.plugin());
        if (plugin.isPresent() && plugin.get().isRetired()) {
            outcomes.impossible(claimed, new RunError("PLUGIN_RETIRED",
                    "plugin " + claimed.plugin() + " was retired (its manifest left the plugins directory) before the run started"));
            return Optional.empty();
        }
        if (plugin.isEmpty() || !plugin.get().isEnabled()) {
            outcomes.impossible(claimed, new RunError("PLUGIN_DISABLED",
                    "plugin " + claimed.plugin() + " was disabled before the run started"));
            return Optional.empty();
        }
        Optional<Installation> installation = reads.installation(claimed);
        if (installation.isEmpty() || !installation.get().isEnabled()) {
            outcomes.impossible(claimed, new RunError("INSTALLATION_DISABLED", "plugin " + claimed.plugin()
                    + (installation.isEmpty() ? " was uninstalled" : " was switched off") + " before the run started"));
            return Optional.empty();
        }
        if (installation.get().attention().needed()) {
            outcomes.impossible(claimed, new RunError(InvalidSettingsException.SETTINGS_INVALID, "the settings of plugin "
                    + claimed.plugin() + " no longer satisfy its changed settings schema: "
                    + installation.get().attention().summary() + "; the owner must save valid settings"));
            return Optional.empty();
        }
        if (!reads.circuitClosed(claimed) && outcomes.refusedByCircuit(claimed).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Admitted(plugin.get(), installation.get()));
    }

    /** The per-owner concurrency limits a claim of {@code names} must respect (manifest {@code execution.maxConcurrentPerOwner}). */
    public Map<PluginName, Integer> perOwnerLimits(Set<PluginName> names) {
        Map<PluginName, Integer> limits = new HashMap<>();
        for (PluginName name : names) {
            plugins.find(name).ifPresent(plugin -> plugin.manifest().execution().perOwnerLimit()
                    .ifPresent(limit -> limits.put(name, limit)));
        }
        return limits;
    }
}
