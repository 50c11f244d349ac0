package dev.plugboard.bootstrap.isolation;

import dev.plugboard.adapter.isolation.PluginHosts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * {@code plugboard_plugin_hosts} in {@code /metrics}: the plugin host processes alive now, for leak alerts;
 * {@code plugboard_plugin_host_starts_total} and {@code plugboard_plugin_host_restarts_total}.
 */
@Singleton
final class PluginHostMetrics implements MeterBinder {

    // A provider: meter binders are made with the registry, before the database is ready, and the hosts need it.
    private final Provider<PluginHosts> hosts;

    PluginHostMetrics(Provider<PluginHosts> hosts) {
        this.hosts = hosts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("plugboard.plugin.hosts", hosts, provider -> provider.get().liveHosts())
                .description("plugin host processes alive (child JVMs running plugin jars)")
                .register(registry);
        FunctionCounter.builder("plugboard.plugin.host.starts", hosts, provider -> provider.get().hostsStarted())
                .description("plugin host JVMs started: first starts and replacements")
                .register(registry);
        FunctionCounter.builder("plugboard.plugin.host.restarts", hosts, provider -> provider.get().hostsDiscarded())
                .description("plugin hosts killed after a run left them unusable (timeout, crash, limit) and replaced")
                .register(registry);
    }
}
