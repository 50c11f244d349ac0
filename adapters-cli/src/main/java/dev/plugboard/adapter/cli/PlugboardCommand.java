package dev.plugboard.adapter.cli;

import dev.plugboard.adapter.cli.admins.AdminsCommand;
import dev.plugboard.adapter.cli.audit.AuditCommand;
import dev.plugboard.adapter.cli.analytics.AnalyticsCommand;
import dev.plugboard.adapter.cli.circuits.CircuitsCommand;
import dev.plugboard.adapter.cli.console.ConsoleLinkCommand;
import dev.plugboard.adapter.cli.alerts.AlertsCommand;
import dev.plugboard.adapter.cli.db.DbCommand;
import dev.plugboard.adapter.cli.events.EventsCommand;
import dev.plugboard.adapter.cli.installs.InstallsCommand;
import dev.plugboard.adapter.cli.plugins.PluginsCommand;
import dev.plugboard.adapter.cli.runs.RunsCommand;
import dev.plugboard.adapter.cli.secrets.SecretsCommand;
import dev.plugboard.adapter.cli.support.CliConventions;
import dev.plugboard.adapter.cli.support.CommandGroup;
import dev.plugboard.adapter.cli.support.VersionProvider;
import dev.plugboard.adapter.cli.token.TokenCommand;
import dev.plugboard.adapter.cli.workflows.WorkflowsCommand;
import dev.plugboard.adapter.cli.state.ApplyCommand;
import dev.plugboard.adapter.cli.state.ExportCommand;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code plugboard} command: administration over the same use cases and database as the
 * server, and {@code serve} to run the server. Bootstrap runs it with
 * {@code PlugboardCommand.commandLine(new MicronautFactory(context), args).execute(args)}.
 */
@Prototype
@Command(name = "plugboard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Plugboard, the plugin control plane: administer the plugin catalog, installations, runs,"
                + " workflows, circuit breakers, events and the audit trail directly in the database, or run the server."},
        footer = {"%nExamples:", "  plugboard plugins list", "  plugboard plugins disable analytics",
                "  plugboard installs add webhook --user alice --settings webhook.json", "  plugboard serve",
                "  plugboard console-link --user alice",
                "%nConfiguration, as for the server (environment variables or a config file):",
                "  PLUGBOARD_DATA_DIR        data folder: embedded database, JWT secret",
                "                            (default ./plugboard-data)",
                "  PLUGBOARD_DATABASE_URL    jdbc:postgresql://HOST:PORT/DB (default: embedded)",
                "  PLUGBOARD_DATABASE_USER, PLUGBOARD_DATABASE_PASSWORD",
                "  PLUGBOARD_PLUGINS_DIR     the plugins directory that plugins sync reads",
                "  PLUGBOARD_JWT_SECRET      the HS256 secret of the REST API's tokens",
                "  PLUGBOARD_SECRETS_KEY     the Tink keyset (file or JSON) that encrypts secret settings",
                "  PLUGBOARD_JWT_JWKS_URL    an identity provider's keys; then also",
                "                            PLUGBOARD_AUTH_ISSUER, PLUGBOARD_AUTH_AUDIENCE",
                "  PLUGBOARD_DEBUG=1         print stack traces of unexpected errors"})
public class PlugboardCommand extends CommandGroup {

    /** The top-level commands, in the order {@code --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(PluginsCommand.class, InstallsCommand.class,
            RunsCommand.class, WorkflowsCommand.class, CircuitsCommand.class, AnalyticsCommand.class, AlertsCommand.class,
            EventsCommand.class, AuditCommand.class, SecretsCommand.class, AdminsCommand.class, DbCommand.class,
            TokenCommand.class, ExportCommand.class, ApplyCommand.class, ConsoleLinkCommand.class, ServeCommand.class,
            CompletionCommand.class, HelpCommand.class);

    /** Commands that need the whole tree: they list, describe or complete every command. */
    private static final Set<String> WHOLE_TREE = Set.of("help", "completion");

    /**
     * The command line for these arguments, with the shared conventions ({@link CliConventions}).
     * When the arguments name one top-level command, only that command's branch is built: picocli
     * reflects over every command class it is given, and a short command should not pay for the
     * seventy it does not run. Otherwise (no command, {@code help}, {@code completion}, a typo that
     * deserves suggestions) the whole tree.
     */
    public static CommandLine commandLine(IFactory factory, String... args) {
        CommandLine root = new CommandLine(PlugboardCommand.class, factory);
        Optional<String> word = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst();
        List<Class<?>> chosen = word.filter(name -> !WHOLE_TREE.contains(name))
                .flatMap(name -> SUBCOMMANDS.stream().filter(type -> name.equals(nameOf(type))).findFirst())
                .<List<Class<?>>>map(List::of)
                .orElse(SUBCOMMANDS);
        chosen.forEach(type -> root.addSubcommand(createOrThrow(factory, type)));
        return CliConventions.apply(root);
    }

    /**
     * Whether {@code name} is a top-level group ({@code plugins}, {@code runs}, ...): alone, it only
     * prints that group's help, so a launcher need not open the database for it.
     */
    public static boolean isGroup(String name) {
        return SUBCOMMANDS.stream().anyMatch(type -> name.equals(nameOf(type)) && CommandGroup.class.isAssignableFrom(type));
    }

    private static String nameOf(Class<?> type) {
        return type.getAnnotation(Command.class).name();
    }

    private static Object createOrThrow(IFactory factory, Class<?> type) {
        try {
            return factory.create(type);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the command " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an unexpected error, print its stack trace too (as PLUGBOARD_DEBUG=1 does).")
    private boolean verbose;
}
