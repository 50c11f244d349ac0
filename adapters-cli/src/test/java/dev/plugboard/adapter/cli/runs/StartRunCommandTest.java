package dev.plugboard.adapter.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimCommand;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimedRun;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plugboard runs start}: queueing a run from a file, waiting for its final state, and the attempts it shows. */
class StartRunCommandTest {

    private static final PluginName SUMMARIZER = PluginName.of("summarizer");

    @TempDir
    Path folder;
    private Plugboard plugboard;

    @BeforeEach
    void aliceHasTheSummarizer() {
        plugboard = Cli.reset().plugboard();
        plugboard.installations().install(new InstallPluginCommand(Caller.user("alice", null), SUMMARIZER,
                Optional.empty(), Optional.empty()));
        plugboard.installations().install(new InstallPluginCommand(Caller.user("alice", null), PluginName.of("webhook"),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void givenInputFile_start_queuesARunWithThatInput_andPrintsItPending() throws Exception {
        Path input = Files.writeString(folder.resolve("input.json"), "{\"text\": \"a short text\"}");

        JsonNode run = Cli.run("runs", "start", "summarizer", "--input", "@" + input, "--user", "alice", "--json").json();

        assertThat(run.path("status").asText()).isEqualTo("pending");
        assertThat(run.path("plugin").asText()).isEqualTo("summarizer");
        assertThat(run.path("input").path("text").asText()).isEqualTo("a short text");
        assertThat(run.path("attempts")).isEmpty();
        assertThat(plugboard.runs().list(Caller.user("alice", null).owner(),
                dev.plugboard.application.port.out.RunFilter.ALL, dev.plugboard.application.port.PageRequest.first()).items())
                .hasSize(1);
    }

    @Test
    void givenWait_start_waitsUntilAWorkerEndsTheRun_thenPrintsTheFinalStateAndItsAttempts() throws Exception {
        Path input = Files.writeString(folder.resolve("input.json"), "{\"text\": \"hello\"}");
        CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
            List<ClaimedRun> claimed = List.of();
            while (claimed.isEmpty()) {
                claimed = plugboard.workers().claim(new ClaimCommand("w1", Set.of(SUMMARIZER), 1, 60));
                sleep();
            }
            plugboard.workers().complete("w1", claimed.get(0).run().id(), JsonDocument.parse("{\"summary\": \"hi\"}"));
        });

        CliResult result = Cli.run("runs", "start", "summarizer", "--input", "@" + input, "--user", "alice", "--wait");

        worker.get(10, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("completed", "{\"summary\":\"hi\"}", "Attempts:", "worker:w1");
        assertThat(result.out().lines().filter(line -> line.startsWith("1 ")).findFirst())
                .hasValueSatisfying(line -> assertThat(line).contains("completed").contains("worker:w1"));
    }

    @Test
    void givenWaitOnARunThatFails_start_printsTheFailureAndExitsWithOne() {
        CliResult result = Cli.run("runs", "start", "webhook", "--user", "alice", "--wait", "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        JsonNode run = result.json();
        assertThat(run.path("status").asText()).isEqualTo(RunStatus.FAILED.wireName());
        assertThat(run.path("error").path("code").asText()).as("no handler here, and not external").isEqualTo("NO_HANDLER");
    }

    @Test
    void givenWaitAndNobodyToRunIt_start_givesUpAtTheTimeoutNamingTheRunAndWhatToCheck() {
        CliResult result = Cli.run("runs", "start", "summarizer", "--input", "{\"text\": \"x\"}", "--user", "alice",
                "--wait", "--timeout", "1s");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("is still pending after 1 s", "plugboard serve", "plugboard runs show");
    }

    @Test
    void givenMissingInputFileOrBadJson_start_isAClearUsageErrorAndQueuesNothing() {
        CliResult missing = Cli.run("runs", "start", "summarizer", "--input", "@" + folder.resolve("nope.json"), "--user", "alice");
        CliResult malformed = Cli.run("runs", "start", "summarizer", "--input", "{not json", "--user", "alice");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json").contains("does not exist");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).doesNotContain("Exception");
        assertThat(plugboard.runs().list(Caller.user("alice", null).owner(),
                dev.plugboard.application.port.out.RunFilter.ALL, dev.plugboard.application.port.PageRequest.first()).items())
                .isEmpty();
    }

    @Test
    void help_showsExamplesWithInputFileAndWait() {
        CliResult help = Cli.run("runs", "start", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--input @event.json --user alice", "--wait", "Examples:");
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
