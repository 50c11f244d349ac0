package dev.plugboard.bootstrap.launch;

import dev.plugboard.adapter.persistence.embedded.EmbeddedDatabase;
import dev.plugboard.bootstrap.outbound.OutboundConfiguration;
import dev.plugboard.bootstrap.startup.CommandContextBuilder;
import dev.plugboard.bootstrap.startup.ServerOnlyBeans;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Works out, before the application context starts, what it cannot find out for itself: where
 * the data folder is, which database to use (the configured URL, or an embedded PostgreSQL in
 * the data folder), the JWT secret, the secrets key and the authentication settings. The configuration
 * (environment variables, system properties, config files, the defaults in {@code application.yml}) is
 * read once, into the environment of the context that {@link #startContext()} then starts, with what was
 * worked out here added on top: a command pays for one reading, not two (docs/benchmarks/read-commands.md).
 */
public final class LaunchConfiguration implements AutoCloseable {

    public static final String DATA_DIR = "plugboard.data-dir";
    public static final String DATABASE_URL = "plugboard.database.url";
    public static final String DATABASE_USER = "plugboard.database.user";
    public static final String DATABASE_PASSWORD = "plugboard.database.password";
    public static final String JWT_SECRET = "plugboard.jwt.secret";
    public static final String JWT_JWKS_URL = "plugboard.jwt.jwks-url";
    public static final String SECRETS_KEY = "plugboard.secrets.key";
    public static final String DEFAULT_DATA_DIR = "plugboard-data";
    /** Set by the launcher, not by operators: whether start-up syncs the catalog and seals plain-text secrets. */
    public static final String SYNC_CATALOG = "plugboard.launch.sync-catalog";
    /** How long a catalog copy may be served while catalog notifications are down; 0 turns the cache off. */
    public static final String CATALOG_CACHE_TTL = "plugboard.catalog.cache-ttl";

    /** What a command may do to the database before it runs: only the server, {@code plugins sync} and {@code db migrate} change it. */
    public enum DatabaseUse {
        /** No database at all ({@code --help}, {@code token}). */
        NONE,
        /** Migrate the schema, then sync the catalog with the manifests: {@code serve}. */
        SERVE,
        /** Migrate the schema, nothing more: {@code plugins sync} (which syncs itself) and {@code db migrate}. */
        MIGRATE,
        /** Use the schema as it is, migrating and syncing nothing: every other command. */
        AS_IS
    }

    private static final Logger LOG = LoggerFactory.getLogger(LaunchConfiguration.class);

    /** The most connections a CLI command opens. */
    static final int CLI_POOL_SIZE = 4;

    /** The name of the property source that holds what the launch worked out (and the overrides). */
    static final String PROPERTY_SOURCE = "plugboard-launch";

    private final Map<String, Object> properties;
    private final EmbeddedDatabase embedded;
    private final ApplicationContext context;

    private LaunchConfiguration(Map<String, Object> properties, EmbeddedDatabase embedded, ApplicationContext context) {
        this.properties = Map.copyOf(properties);
        this.embedded = embedded;
        this.context = context;
    }

    /**
     * @param overrides properties that win over every other source (tests use them)
     * @param withDatabase false when the command needs no database ({@code --help}, {@code token}),
     *                     so that no embedded server is started for it
     */
    public static LaunchConfiguration resolve(Map<String, Object> overrides, boolean withDatabase) {
        return resolve(overrides, withDatabase ? DatabaseUse.SERVE : DatabaseUse.NONE);
    }

    /**
     * @param overrides properties that win over every other source (tests use them)
     * @param use       what the command may do to the database; with {@link DatabaseUse#NONE} no
     *                  embedded server is started
     */
    public static LaunchConfiguration resolve(Map<String, Object> overrides, DatabaseUse use) {
        boolean withDatabase = use != DatabaseUse.NONE;
        Map<String, Object> derived = new HashMap<>();
        EmbeddedDatabase embedded = null;
        if (use != DatabaseUse.SERVE) {
            // Before the first Micronaut class is used: a command lists none of the server's bean definitions, and it
            // reads its configuration through the class loader, while the server keeps Micronaut's loader.
            ServerOnlyBeans.leaveOutForCommand();
        }
        ApplicationContext context = (use == DatabaseUse.SERVE ? ApplicationContext.builder() : new CommandContextBuilder())
                .bootstrapEnvironment(false).properties(overrides).build();
        Environment environment = context.getEnvironment();
        try {
            environment.start();
            ConfigurationCheck.check(environment, System.getenv());
            derived.putAll(CrossOrigin.properties(environment));
            Path dataFolder = Path.of(environment.getProperty(DATA_DIR, String.class).orElse(DEFAULT_DATA_DIR))
                    .toAbsolutePath().normalize();
            derived.put(DATA_DIR, dataFolder.toString());
            // A bad outbound allow list or limit stops the start here, in one line, before any database starts.
            OutboundConfiguration.from(environment);
            if (environment.getProperty(JWT_SECRET, String.class).filter(s -> !s.isBlank()).isEmpty()) {
                // Only a command with a database (the server above all) creates the secret: a token signed
                // with a secret made up by `plugboard token` in the wrong folder would only ever get 401.
                derived.put(JWT_SECRET, withDatabase ? JwtSecret.loadOrCreate(dataFolder)
                        : JwtSecret.find(dataFolder).orElse(""));
            }
            // A real identity provider's keys, besides the HS256 secret the CLI signs with; checked
            // before a database is started, so that a bad setting costs nothing.
            derived.putAll(AuthSettings.derive(environment));
            if (withDatabase) {
                Optional<String> url = environment.getProperty(DATABASE_URL, String.class).filter(u -> !u.isBlank());
                derived.put(SECRETS_KEY, SecretsKey.forLaunch(environment.getProperty(SECRETS_KEY, String.class),
                        dataFolder, url.isEmpty()));
                if (url.isPresent()) {
                    String user = environment.getProperty(DATABASE_USER, String.class).orElse("");
                    String password = environment.getProperty(DATABASE_PASSWORD, String.class).orElse("");
                    DatabaseReachability.require(url.get(), user, password);
                    derived.putAll(dataSource(url.get(), user, password));
                } else {
                    embedded = EmbeddedDatabase.start(EmbeddedDatabase.Options.in(dataFolder));
                    LOG.info("Using the embedded PostgreSQL in {} ({}); set PLUGBOARD_DATABASE_URL to use your own server",
                            embedded.folder(), embedded.startedHere() ? "started" : "already running, joined it");
                    derived.putAll(embedded.dataSourceProperties());
                    derived.put("plugboard.database.embedded", true);
                }
                int poolSize = environment.getProperty("plugboard.database.pool-size", Integer.class)
                        .orElse(defaultPoolSize());
                if (use == DatabaseUse.SERVE) {
                    derived.put("datasources.default.maximum-pool-size", poolSize);
                } else {
                    // A command is one thread doing one thing: one connection at start (each costs a SCRAM
                    // handshake) and a few at most.
                    derived.put("datasources.default.maximum-pool-size", Math.min(poolSize, CLI_POOL_SIZE));
                    derived.put("datasources.default.minimum-idle", 1);
                }
                derived.putAll(PoolTimeouts.from(environment).properties());
                // The server migrates, but starts without Flyway when there is nothing to migrate (SchemaProbe).
                boolean migrate = use == DatabaseUse.MIGRATE || use == DatabaseUse.SERVE && !SchemaProbe.isCurrent(derived);
                derived.put("flyway.enabled", migrate);
                derived.put("flyway.datasources.default.enabled", migrate);
                derived.put(SYNC_CATALOG, use == DatabaseUse.SERVE);
                derived.put(CATALOG_CACHE_TTL, DurationSetting.of(environment, CATALOG_CACHE_TTL, Duration.ofSeconds(5)).toString());
                derived.put(AuthSettings.GRANTS_CACHE_TTL, DurationSetting.of(environment, AuthSettings.GRANTS_CACHE_TTL,
                        Duration.ofSeconds(5)).toString());
            }
            derived.putAll(CommandContext.properties(use));
            derived.putAll(overrides);
            // Added to the running environment, so it is applied over every source read above.
            environment.addPropertySource(PropertySource.of(PROPERTY_SOURCE, derived));
        } catch (RuntimeException e) {
            context.close();
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        return new LaunchConfiguration(derived, embedded, context);
    }

    /**
     * HikariCP's rule of thumb, twice the cores plus one, but never under 10: the background jobs (run
     * executor, workflow engine, rollups, health) hold connections beside the HTTP requests, and a
     * request waits at most {@code connection-timeout} (1 s) for one.
     */
    static int defaultPoolSize() {
        return Math.max(10, 2 * Runtime.getRuntime().availableProcessors() + 1);
    }

    private static Map<String, Object> dataSource(String url, String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", user);
        properties.put("datasources.default.password", password);
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.dialect", "POSTGRES");
        return properties;
    }

    /**
     * What the launch worked out, with the overrides: enough to start another context on the same
     * configuration (tests start two instances on one launch).
     */
    public Map<String, Object> properties() {
        return properties;
    }

    /**
     * Starts the application context whose environment the launch read, without reading the
     * configuration again; {@link #close()} stops it.
     */
    public ApplicationContext startContext() {
        return context.isRunning() ? context : context.start();
    }

    public Optional<EmbeddedDatabase> embeddedDatabase() {
        return Optional.ofNullable(embedded);
    }

    /** Stops the context, then the embedded server if this process started it. */
    @Override
    public void close() {
        context.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
