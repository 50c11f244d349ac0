package dev.plugboard.bootstrap;

import dev.plugboard.adapter.cli.PlugboardCommand;
import dev.plugboard.bootstrap.launch.InvalidConfigurationException;
import dev.plugboard.bootstrap.database.SchemaCheck;
import dev.plugboard.bootstrap.database.SchemaCheck.SchemaOutdatedException;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import dev.plugboard.bootstrap.launch.LaunchConfiguration.DatabaseUse;
import dev.plugboard.bootstrap.logging.LoggingSetup;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code plugboard} executable: resolves the configuration and the database, starts the
 * application context and hands the arguments to the command line ({@code serve} among them).
 */
public final class PlugboardMain {

    /** Commands and options that must answer at once, without starting a database. */
    private static final Set<String> WITHOUT_DATABASE = Set.of("-h", "--help", "help", "-V", "--version", "token",
            "completion", "generate-completion", "new-key");

    private PlugboardMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        try {
            LoggingSetup.configure(System.getenv(LoggingSetup.FORMAT_VARIABLE));
        } catch (InvalidConfigurationException e) {
            System.err.println("plugboard: error: " + e.getMessage());
            return 2;
        }
        configureLogging(args);
        configureConfigFiles();
        DatabaseUse use = databaseUse(args);
        try (LaunchConfiguration launch = LaunchConfiguration.resolve(Map.of(), use)) {
            ApplicationContext context = launch.startContext();
            if (use == DatabaseUse.AS_IS && !commandWords(args).get(0).equals("db")) {
                // db info, backup and restore must work on an old schema; every other command needs the current one.
                context.getBean(SchemaCheck.class).requireCurrent();
            }
            return PlugboardCommand.commandLine(new MicronautFactory(context), args).execute(args);
        } catch (SchemaOutdatedException e) {
            System.err.println("plugboard: error: " + e.getMessage());
            return 1;
        } catch (InvalidConfigurationException e) {
            // A misspelled key or a malformed value: the operator's to fix, so a usage error and no stack trace.
            System.err.println("plugboard: error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // Only start-up failures reach here (no database, unreadable data folder): commands map their own errors.
            System.err.println("plugboard: error: " + rootMessage(e));
            if (System.getenv("PLUGBOARD_DEBUG") != null) {
                e.printStackTrace();
            }
            return 1;
        }
    }

    /**
     * Only {@code serve}, {@code plugins sync} and {@code db migrate} migrate the schema or sync
     * the catalog; every other command, and {@code plugins sync --dry-run}, uses the database as it finds it.
     */
    static DatabaseUse databaseUse(String[] args) {
        if (!needsDatabase(args)) {
            return DatabaseUse.NONE;
        }
        List<String> words = commandWords(args);
        String command = String.join(" ", words.subList(0, Math.min(2, words.size())));
        if (words.get(0).equals("serve")) {
            return DatabaseUse.SERVE;
        }
        boolean dryRun = List.of(args).contains("--dry-run");
        return (command.equals("plugins sync") && !dryRun) || command.equals("db migrate") ? DatabaseUse.MIGRATE : DatabaseUse.AS_IS;
    }

    /** The words that name the command, without its options. */
    private static List<String> commandWords(String[] args) {
        List<String> words = List.of(args).stream().filter(word -> !word.startsWith("-")).toList();
        return words.isEmpty() ? List.of("") : words;
    }

    static boolean needsDatabase(String[] args) {
        List<String> words = List.of(args);
        return !words.isEmpty() && words.stream().noneMatch(WITHOUT_DATABASE::contains)
                && !(words.size() == 1 && !words.get(0).startsWith("-") && PlugboardCommand.isGroup(words.get(0)));
    }

    /** The CLI keeps its output clean: INFO logs only for the server, unless PLUGBOARD_LOG_LEVEL says otherwise. */
    private static void configureLogging(String[] args) {
        if (System.getenv("PLUGBOARD_LOG_LEVEL") == null && System.getProperty("PLUGBOARD_LOG_LEVEL") == null) {
            boolean serving = args.length > 0 && args[0].equals("serve");
            System.setProperty("PLUGBOARD_LOG_LEVEL", serving ? "INFO" : "WARN");
        }
    }

    /** {@code PLUGBOARD_CONFIG} names a config file; otherwise {@code ./plugboard.yml} is read when present. */
    private static void configureConfigFiles() {
        if (System.getProperty("micronaut.config.files") != null) {
            return;
        }
        String configured = System.getenv("PLUGBOARD_CONFIG");
        if (configured != null && !configured.isBlank()) {
            System.setProperty("micronaut.config.files", configured);
        } else if (Files.isRegularFile(Path.of("plugboard.yml"))) {
            System.setProperty("micronaut.config.files", Path.of("plugboard.yml").toAbsolutePath().toString());
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : error.getMessage();
        return message != null ? message : cause.getClass().getSimpleName();
    }
}
