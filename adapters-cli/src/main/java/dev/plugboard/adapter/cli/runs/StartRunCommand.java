package dev.plugboard.adapter.cli.runs;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.CliFailure;
import dev.plugboard.adapter.cli.support.DurationConverter;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonInput;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.run.QueryRunsUseCase;
import dev.plugboard.application.port.in.run.QueryRunsUseCase.RunHistory;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code plugboard runs start PLUGIN}: queues a run for an owner and, with {@code --wait}, prints how it ended. */
@Prototype
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Queue a run of PLUGIN for an owner, as POST /api/user/plugins/{name}/runs does.",
                "A running server (plugboard serve) executes it; with --wait this command polls until the run"
                        + " reaches its final state and prints it (exit 0 when completed, 1 when it failed or was cancelled)."},
        footer = {"%nExamples:",
                "  plugboard runs start analytics --input @event.json --user alice",
                "  plugboard runs start summarizer --input '{\"text\": \"Plugboard is a control plane.\"}' --org acme --wait",
                "  echo '{\"action\": \"stats\"}' | plugboard runs start analytics --input @- --user alice --wait --json"})
public class StartRunCommand extends CliCommand {

    private static final Duration POLL = Duration.ofMillis(250);

    private final Provider<StartRunUseCase> starting;
    private final Provider<QueryRunsUseCase> querying;

    @Parameters(paramLabel = "PLUGIN", description = "The plugin to run; the owner must have it installed and enabled.")
    private String plugin;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Option(names = "--input", paramLabel = "@FILE|@-|JSON",
            description = "The run's input, a JSON object: @FILE reads a file, @- standard input, anything else is the"
                    + " JSON itself. Default: {}.")
    private String input;

    @Option(names = "--key", paramLabel = "KEY",
            description = "An idempotency key: starting again with the same key returns the first run.")
    private String key;

    @Option(names = "--wait", description = "Wait for the run's final state and print it.")
    private boolean waitForEnd;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "10m",
            description = "How long --wait waits, e.g. 30s or 10m (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Mixin
    private JsonOption json;

    public StartRunCommand(Provider<StartRunUseCase> starting, Provider<QueryRunsUseCase> querying) {
        this.starting = starting;
        this.querying = querying;
    }

    @Override
    protected ExitCode execute() throws InterruptedException {
        PluginRun run = starting.get().start(new StartRunUseCase.StartRunCommand(owner.caller(Optional.empty()), PluginName.of(plugin),
                input(), RunTrigger.MANUAL, Optional.ofNullable(key)));
        if (!waitForEnd) {
            print(querying.get().history(run.owner(), run.id()));
            return ExitCode.OK;
        }
        Instant deadline = Instant.now().plus(timeout);
        PluginRun current = querying.get().get(run.owner(), run.id());
        while (!current.status().isTerminal()) {
            if (Instant.now().isAfter(deadline)) {
                throw new CliFailure(ExitCode.FAILURE, "run " + run.id() + " is still " + current.status().wireName()
                        + " after " + timeout.toSeconds() + " s; is a server running (plugboard serve) with a handler or"
                        + " worker for " + plugin + "? Follow it with: plugboard runs show " + run.id() + " "
                        + ownerFlag());
            }
            Thread.sleep(POLL.toMillis());
            current = querying.get().get(run.owner(), run.id());
        }
        // The attempts are read once, when the run has ended, not at every poll.
        RunHistory ended = querying.get().history(run.owner(), run.id());
        print(ended);
        return ended.run().status() == RunStatus.COMPLETED ? ExitCode.OK : ExitCode.FAILURE;
    }

    private JsonDocument input() {
        if (input == null) {
            return JsonDocument.empty();
        }
        if (input.startsWith("@")) {
            return JsonInput.read("input", input.equals("@-") ? JsonInput.STDIN : input.substring(1));
        }
        return JsonDocument.parse(input);
    }

    private String ownerFlag() {
        return owner.owner().kind() == dev.plugboard.domain.owner.Owner.Kind.ORGANIZATION ? "--org " + owner.owner().id() : "--user " + owner.owner().id();
    }

    private void print(RunHistory history) {
        if (json.enabled()) {
            Json.print(out(), RunOutput.json(history));
        } else {
            RunOutput.describe(history, out());
        }
    }
}
