package dev.plugboard.adapter.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandsTest {

    private Plugboard plugboard;
    private PluginRun first;
    private PluginRun second;

    @BeforeEach
    void twoRunsOfAlice() {
        plugboard = Cli.reset().plugboard();
        Caller alice = Caller.user("alice", null);
        for (String plugin : List.of("analytics", "summarizer")) {
            plugboard.installations().install(new InstallPluginCommand(alice, PluginName.of(plugin), Optional.empty(), Optional.empty()));
        }
        first = plugboard.runs().start(new StartRunCommand(alice, PluginName.of("analytics"), JsonDocument.empty(),
                RunTrigger.MANUAL, Optional.empty()));
        second = plugboard.runs().start(new StartRunCommand(alice, PluginName.of("summarizer"),
                JsonDocument.parse("{\"text\": \"hello\"}"), RunTrigger.EVENT, Optional.of("key-1")));
    }

    @Test
    void givenRuns_list_printsATableOfTheOwnersRuns() {
        CliResult result = Cli.run("runs", "list", "--user", "alice");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ID").contains("PLUGIN", "STATUS", "TRIGGER", "ATTEMPT", "CREATED", "ERROR");
        assertThat(result.out()).contains(first.id().toString(), second.id().toString(), "pending", "event");
    }

    @Test
    void givenFilters_listJson_returnsOnlyMatchingRuns() {
        JsonNode runs = Cli.run("runs", "list", "--user", "alice", "--plugin", "summarizer", "--json").json();

        assertThat(runs).hasSize(1);
        JsonNode run = runs.get(0);
        assertThat(run.get("id").asText()).isEqualTo(second.id().toString());
        assertThat(run.get("status").asText()).isEqualTo("pending");
        assertThat(run.get("trigger").asText()).isEqualTo("event");
        assertThat(run.get("input").get("text").asText()).isEqualTo("hello");
        assertThat(run.get("idempotencyKey").asText()).isEqualTo("key-1");
        assertThat(run.get("error").isNull()).isTrue();
        assertThat(Cli.run("runs", "list", "--user", "alice", "--status", "completed", "--json").json()).isEmpty();
        assertThat(Cli.run("runs", "list", "--user", "alice", "--status", "PENDING", "--json").json()).hasSize(2);
        assertThat(Cli.run("runs", "list", "--user", "alice", "--limit", "1", "--json").json()).hasSize(1);
    }

    @Test
    void givenAnotherOwner_list_showsNoneOfAlicesRuns() {
        CliResult result = Cli.run("runs", "list", "--org", "acme");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("No runs match." + System.lineSeparator());
    }

    @Test
    void givenUnknownStatus_list_isAUsageErrorListingTheChoices() {
        CliResult result = Cli.run("runs", "list", "--user", "alice", "--status", "done");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: Invalid value for option '--status'").contains("PENDING");
    }

    @Test
    void givenNoOwner_list_isAUsageError() {
        assertThat(Cli.run("runs", "list").exitCode()).isEqualTo(2);
    }

    @Test
    void givenRun_show_printsItTextAndJson() {
        CliResult text = Cli.run("runs", "show", second.id().toString(), "--user", "alice");
        JsonNode json = Cli.run("runs", "show", second.id().toString(), "--user", "alice", "--json").json();

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("Run:", second.id().toString(), "Status:", "pending", "Input:", "{\"text\":\"hello\"}")
                .containsPattern("Environment: +default");
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "owner", "plugin", "trigger", "status", "attempt", "input", "output", "error",
                "idempotencyKey", "createdAt", "startedAt", "completedAt", "availableAt", "lease", "environment", "attempts");
        assertThat(json.get("environment").asText()).as("the CLI runs in the default environment").isEqualTo("default");
        assertThat(json.get("attempts")).as("a pending run has no attempts yet").isEmpty();
        assertThat(text.out()).contains("Attempts: none");
        assertThat(json.get("availableAt").asText()).isEqualTo(json.get("createdAt").asText());
        assertThat(json.get("lease").isNull()).isTrue();
        assertThat(json.get("owner").asText()).isEqualTo("user:alice");
    }

    @Test
    void givenAnotherOwnersRun_show_isNotFound() {
        CliResult result = Cli.run("runs", "show", first.id().toString(), "--user", "bob");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).startsWith("plugboard: error: ").contains(first.id().toString());
    }

    @Test
    void givenMalformedId_show_isInvalidInput() {
        CliResult result = Cli.run("runs", "show", "not-a-uuid", "--user", "alice");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: invalid run id 'not-a-uuid': must be a UUID");
    }

    @Test
    void givenPendingRun_cancel_cancelsItOnceAndThenConflicts() {
        CliResult cancelled = Cli.run("runs", "cancel", first.id().toString(), "--user", "alice");

        assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
        assertThat(cancelled.out()).isEqualTo("Cancelled run " + first.id() + " of analytics for user:alice." + System.lineSeparator());
        assertThat(Cli.run("runs", "show", first.id().toString(), "--user", "alice", "--json").json().get("status").asText())
                .isEqualTo("cancelled");

        CliResult again = Cli.run("runs", "cancel", first.id().toString(), "--user", "alice");

        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.err()).startsWith("plugboard: error: ");
    }

    @Test
    void givenUnknownRun_cancel_isNotFound() {
        assertThat(Cli.run("runs", "cancel", UUID.randomUUID().toString(), "--user", "alice").exitCode()).isEqualTo(3);
    }
}
