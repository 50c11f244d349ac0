package dev.plugboard.application.port.out.monitoring;

import dev.plugboard.domain.health.PluginHealth;
import dev.plugboard.domain.plugin.PluginName;

import java.util.List;
import java.util.Optional;

/** The last health verdict of each plugin. */
public interface HealthRepository {

    Optional<PluginHealth> find(PluginName plugin);

    /** Every plugin's verdict, by plugin name. */
    List<PluginHealth> findAll();

    /** Inserts or replaces the plugin's verdict. */
    void save(PluginHealth health);
}
