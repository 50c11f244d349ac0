package dev.plugboard.adapter.cli;

import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.adapter.cli.testing.TestPlugboard;
import io.micronaut.configuration.picocli.MicronautFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HelpAndConventionsTest {

    private TestPlugboard plugboard;

    @BeforeEach
    void fresh() {
        plugboard = Cli.reset();
    }

    @Test
    void givenTheCommandTree_itHasEveryCommandOfTheIssue() {
        assertThat(commands()).contains(
                "plugins list", "plugins show", "plugins enable", "plugins disable", "plugins sync", "plugins register",
                "installs list", "installs add", "installs remove", "installs configure", "installs validate",
                "runs list", "runs show", "runs cancel", "circuits list", "circuits open", "circuits close",
                "plugins health", "alerts list", "alerts ack", "alerts resolve",
                "events publish", "workflows list", "workflows show", "workflows create", "workflows update",
                "workflows delete", "workflows activate", "workflows pause", "workflows archive", "workflows run",
                "workflows runs", "workflows run-show", "workflows cancel", "workflows test", "audit list", "admins grant", "admins revoke", "admins list", "db migrate", "db info", "token", "serve", "completion");
    }

    @Test
    void givenEveryCommand_help_hasADescriptionAnExampleAndTheExitCodesWithinEightyColumns() {
        for (String command : commands()) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");

            CliResult result = Cli.run(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(command).isZero();
            List<String> lines = result.out().lines().toList();
            if (!command.equals("help")) {
                assertThat(lines.get(0)).as(command).startsWith("Usage: plugboard " + command);
                assertThat(String.join(" ", commandTree().get(command).getCommandSpec().usageMessage().description()))
                        .as(command).isNotBlank();
            }
            if (!command.equals("help")) {
                assertThat(result.out()).as(command).containsPattern("(?m)^Examples?:$").contains("  plugboard ");
            }
            assertThat(result.out()).as(command).contains("Exit codes:", "  0  success", "  2  usage error", "  3  the plugin",
                    "  4  settings failed", "  5  conflict");
            assertThat(lines).as(command).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
            assertThat(result.err()).as(command).isEmpty();
        }
    }

    @Test
    void givenVersionOption_printsTheBuildVersionAtEveryLevel() {
        CliResult result = Cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("plugboard 0.").doesNotContain("${").contains("JVM ");
        assertThat(Cli.run("plugins", "list", "--version").out()).isEqualTo(result.out());
    }

    @Test
    void givenNoCommand_itIsAUsageErrorListingTheCommands() {
        CliResult result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: missing command: choose one of plugins, installs, runs")
                .contains("Usage: plugboard", "Try 'plugboard --help' for more information.");
        assertThat(Cli.run("plugins").err()).startsWith("plugboard: error: missing command: choose one of list, show");
    }

    @Test
    void givenUnknownCommand_itIsAUsageErrorWithSuggestions() {
        CliResult result = Cli.run("plugins", "lst");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: Unmatched argument at index 1: 'lst'")
                .contains("Did you mean: plugins list", "Try 'plugboard plugins --help'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void givenUnknownOption_itIsAUsageErrorWithTheSynopsisNotTheWholeHelp() {
        CliResult result = Cli.run("plugins", "list", "--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: Unknown option: '--bogus'")
                .contains("Usage: plugboard plugins list").doesNotContain("Exit codes:");
    }

    @Test
    void givenHelpCommand_itShowsTheHelpOfTheNamedCommand() {
        CliResult result = Cli.run("help", "plugins");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: plugboard plugins");
    }

    @Test
    void givenHelpVersionTokenAndCompletion_noUseCaseIsEverResolved() {
        Stream.concat(commands().stream().map(command -> (command + " --help").split(" ")),
                        Stream.of(new String[]{"--version"}, new String[]{"token", "--user", "alice"}, new String[]{"completion"},
                                new String[]{}, new String[]{"installs", "list"}))
                .forEach(Cli::run);

        assertThat(plugboard.uses()).as("use cases resolved, i.e. database touched").isZero();
    }

    @Test
    void givenCompletion_itPrintsABashScriptCoveringTheCommandTree() {
        CliResult result = Cli.run("completion");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("complete -F", "plugboard", "plugins", "installs", "--settings", "--since", "--json");
    }

    @Test
    void givenArgumentsNamingOneCommand_onlyItsBranchIsBuilt_andEverythingElseGetsTheWholeTree() {
        MicronautFactory factory = new MicronautFactory(Cli.context());
        List<String> all = new ArrayList<>(PlugboardCommand.commandLine(factory).getSubcommands().keySet());

        assertThat(PlugboardCommand.commandLine(factory, "--verbose", "plugins", "list", "--json").getSubcommands())
                .containsOnlyKeys("plugins");
        assertThat(PlugboardCommand.commandLine(factory, "plugins", "list").getSubcommands().get("plugins")
                .getSubcommands()).containsKeys("list", "show", "sync");
        assertThat(all).hasSizeGreaterThan(15).contains("plugins", "installs", "serve", "help", "completion");
        assertThat(PlugboardCommand.commandLine(factory, "help", "plugins").getSubcommands().keySet())
                .containsExactlyElementsOf(all);
        assertThat(PlugboardCommand.commandLine(factory, "completion").getSubcommands().keySet())
                .containsExactlyElementsOf(all);
        assertThat(PlugboardCommand.commandLine(factory, "plugin", "list").getSubcommands().keySet())
                .containsExactlyElementsOf(all);
    }

    @Test
    void givenTheCommandTree_isGroup_isTrueExactlyForTheCommandsWithSubcommands() {
        CommandLine whole = PlugboardCommand.commandLine(new MicronautFactory(Cli.context()));

        whole.getSubcommands().forEach((name, command) -> assertThat(PlugboardCommand.isGroup(name))
                .as(name).isEqualTo(!command.getSubcommands().isEmpty() && !name.equals("help")));
        assertThat(PlugboardCommand.isGroup("workflows")).isTrue();
        assertThat(PlugboardCommand.isGroup("serve")).isFalse();
        assertThat(PlugboardCommand.isGroup("no-such-command")).isFalse();
    }

    @Test
    void givenATypoInTheFirstWord_theWholeTreeSuggestsTheCommand_andBranchesKeepTheConventions() {
        CliResult typo = Cli.run("plugin", "list");
        CliResult branch = Cli.run("plugins", "list", "--no-such-option");

        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("plugins");
        assertThat(branch.exitCode()).isEqualTo(2);
        assertThat(branch.err()).contains("--no-such-option");
    }

    private static List<String> commands() {
        return new ArrayList<>(commandTree().keySet());
    }

    /** Every command by its qualified name, e.g. "plugins list", as bootstrap's command line builds them. */
    private static Map<String, CommandLine> commandTree() {
        Map<String, CommandLine> tree = new LinkedHashMap<>();
        collect(PlugboardCommand.commandLine(new MicronautFactory(Cli.context())), "", tree);
        return tree;
    }

    private static void collect(CommandLine command, String prefix, Map<String, CommandLine> tree) {
        command.getSubcommands().forEach((name, sub) -> {
            String qualified = (prefix + " " + name).strip();
            tree.put(qualified, sub);
            collect(sub, qualified, tree);
        });
    }
}
