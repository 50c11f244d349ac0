package dev.plugboard.bootstrap.isolation;

import dev.plugboard.adapter.isolation.IsolationSettings;
import dev.plugboard.adapter.isolation.PluginHosts;
import dev.plugboard.application.port.out.AttemptUsage;
import dev.plugboard.bootstrap.launch.DurationSetting;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/** The plugin hosts of process-mode plugins, configured by {@code plugboard.isolation.*} and killed on shutdown. */
@Factory
final class IsolationFactory {

    @Singleton
    @Bean(preDestroy = "close")
    PluginHosts pluginHosts(Environment environment, AttemptUsage usage) {
        IsolationSettings defaults = IsolationSettings.DEFAULT;
        return new PluginHosts(new IsolationSettings(
                DurationSetting.of(environment, "plugboard.isolation.idle-timeout", defaults.idleTimeout()),
                DurationSetting.of(environment, "plugboard.isolation.kill-grace", defaults.killGrace()),
                DurationSetting.of(environment, "plugboard.isolation.start-timeout", defaults.startTimeout())), usage);
    }
}
