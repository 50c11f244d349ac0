package dev.plugboard.bootstrap.isolation;

import dev.plugboard.adapter.isolation.PluginHosts;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/** Starts a host of each process-mode plugin when the server starts (never in CLI commands, which run no plugin). */
@Singleton
final class WarmHostsOnStartup implements ApplicationEventListener<ServerStartupEvent> {

    private final PluginHosts hosts;

    WarmHostsOnStartup(PluginHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        hosts.warmUp();
    }
}
