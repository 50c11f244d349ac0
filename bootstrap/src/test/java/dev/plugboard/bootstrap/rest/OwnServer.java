package dev.plugboard.bootstrap.rest;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.Map;

/**
 * A {@link FullStackServer} of the test class's own, for a class whose configuration differs from the
 * shared server's: started on a fresh data folder before the class's {@code @BeforeAll} methods, stopped
 * and its folder deleted after its tests.
 * {@code @RegisterExtension static final OwnServer SERVER = new OwnServer("plugboard-x", Map.of(...));}
 */
public final class OwnServer implements BeforeAllCallback, AfterAllCallback {

    private final String folderPrefix;
    private final Map<String, Object> configuration;
    private Path data;
    private FullStackServer server;

    public OwnServer(String folderPrefix, Map<String, Object> configuration) {
        this.folderPrefix = folderPrefix;
        this.configuration = Map.copyOf(configuration);
    }

    /** The running server; only between the class's start and end. */
    public FullStackServer server() {
        if (server == null) {
            throw new IllegalStateException("the server of " + folderPrefix + " is not running");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        data = FullStackServer.newFolder(folderPrefix);
        server = FullStackServer.start(data, configuration);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (server != null) {
                server.application().close();
            }
        } finally {
            server = null;
            if (data != null) {
                FullStackServer.delete(data);
            }
        }
    }
}
