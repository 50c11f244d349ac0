package dev.plugboard.application.port.in.monitoring;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.out.monitoring.HealthSignalSource.RunSample;
import dev.plugboard.domain.health.PluginHealth;
import dev.plugboard.domain.plugin.PluginName;

import java.util.List;

/** Reads each plugin's health: an operator sees all, an owner one plugin with their own numbers beside it. */
public interface PluginHealthUseCase {

    /** Every catalog plugin's last verdict (unknown for one not checked yet), by name. */
    List<PluginHealth> all();

    /**
     * @throws dev.plugboard.domain.plugin.PluginNotFoundException when no such plugin is in the catalog
     */
    CallerHealth forCaller(Caller caller, PluginName plugin);

    /** The plugin's global verdict and the caller's own recent runs of it. */
    record CallerHealth(PluginHealth global, RunSample own) {
    }
}
