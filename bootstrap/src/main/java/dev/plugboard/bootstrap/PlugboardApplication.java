package dev.plugboard.bootstrap;

import dev.plugboard.adapter.rest.http.ListeningAddresses;
import dev.plugboard.application.Plugboard;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The running server: database resolved (configured or embedded), migrated, catalog synced with
 * the manifests, then HTTP. {@code plugboard serve} runs one; tests start and stop their own.
 */
public final class PlugboardApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlugboardApplication.class);

    private final LaunchConfiguration launch;
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final boolean ownsLaunch;

    private PlugboardApplication(LaunchConfiguration launch, ApplicationContext context, EmbeddedServer server,
                                 boolean ownsLaunch) {
        this.launch = launch;
        this.context = context;
        this.server = server;
        this.ownsLaunch = ownsLaunch;
    }

    /**
     * Starts a server configured like {@code plugboard serve}, with {@code overrides} winning over
     * every other configuration source (e.g. {@code plugboard.data-dir}, {@code micronaut.server.port}).
     */
    public static PlugboardApplication start(Map<String, Object> overrides) {
        LaunchConfiguration launch = LaunchConfiguration.resolve(overrides, true);
        try {
            return startServer(launch, launch.startContext(), true);
        } catch (RuntimeException e) {
            launch.close();
            throw e;
        }
    }

    /** Starts the HTTP server in an already running context (the CLI's {@code serve}). */
    public static PlugboardApplication startIn(ApplicationContext context) {
        return startServer(null, context, false);
    }

    private static PlugboardApplication startServer(LaunchConfiguration launch, ApplicationContext context, boolean ownsLaunch) {
        try {
            // Migrations and the catalog sync happen here, before the first request is accepted.
            context.getBean(Plugboard.class);
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            // The sockets' own addresses, not the configured host: what a port scan of this machine would find.
            List<String> bound = context.findBean(ListeningAddresses.class).map(ListeningAddresses::bound).orElse(List.of());
            LOG.info("Plugboard is listening on {} (OpenAPI at /swagger/plugboard.yml, UI at /swagger-ui){}",
                    bound.isEmpty() ? server.getURI() : String.join(", ", bound),
                    bound.stream().anyMatch(PlugboardApplication::allInterfaces)
                            ? "; that is every network interface" : "");
            return new PlugboardApplication(launch, context, server, ownsLaunch);
        } catch (RuntimeException e) {
            if (ownsLaunch) {
                context.close();
            }
            throw e;
        }
    }

    private static boolean allInterfaces(String address) {
        return address.startsWith("0.0.0.0:") || address.startsWith("[0:0:0:0:0:0:0:0]:") || address.startsWith("[::]:");
    }

    /** The addresses the HTTP server is really bound to, such as {@code 127.0.0.1:8080}. */
    public List<String> boundAddresses() {
        return context.findBean(ListeningAddresses.class).map(ListeningAddresses::bound).orElse(List.of());
    }

    public URI uri() {
        return server.getURI();
    }

    public int port() {
        return server.getPort();
    }

    public ApplicationContext context() {
        return context;
    }

    /** Stops the HTTP server; when it started its own context and database, those too. */
    @Override
    public void close() {
        server.stop();
        if (ownsLaunch) {
            launch.close(); // the context, then the embedded database
        }
    }
}
