package dev.plugboard.adapter.cli.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.RegisterPluginCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EventCommandsTest {

    @TempDir
    Path dir;
    private Plugboard plugboard;

    /** Alice has analytics and webhook (both subscribe to message.received) and summarizer (subscribes to nothing). */
    @BeforeEach
    void aliceWithSubscribers() {
        plugboard = Cli.reset().plugboard();
        for (String plugin : List.of("analytics", "webhook", "summarizer")) {
            install(Caller.user("alice", null), plugin);
        }
    }

    private void install(Caller caller, String plugin) {
        plugboard.installations().install(new InstallPluginCommand(caller, PluginName.of(plugin), Optional.empty(),
                Optional.empty()));
    }

    private int runsOf(Owner owner) {
        return plugboard.runs().list(owner, RunFilter.ALL, PageRequest.first(200)).items().size();
    }

    private String file(String content) throws IOException {
        Path file = dir.resolve("data.json");
        Files.writeString(file, content);
        return file.toString();
    }

    private static List<String> plugins(JsonNode runs) {
        List<String> plugins = new ArrayList<>();
        runs.forEach(run -> plugins.add(run.get("plugin").asText()));
        return plugins;
    }

    @Test
    void givenSubscribers_publish_queuesOneRunEachAndPrintsThem() {
        CliResult result = Cli.run("events", "publish", "message.received", "--user", "alice");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Published message.received for user:alice: 2 runs queued:");
        assertThat(lines.get(1)).startsWith("ID").contains("PLUGIN", "STATUS", "TRIGGER");
        assertThat(lines).hasSize(4);
        assertThat(result.out()).contains("analytics", "webhook", "event", "pending").doesNotContain("summarizer");
        assertThat(runsOf(Owner.user("alice"))).isEqualTo(2);
    }

    @Test
    void givenDataFile_publishJson_putsTheDataInEachRunsInput() throws IOException {
        JsonNode report = Cli.run("events", "publish", "message.received", "--user", "alice",
                "--data", file("{\"user\": \"u1\", \"text\": \"hi\"}"), "--json").json();

        assertThat(plugins(report.get("runs"))).containsExactlyInAnyOrder("analytics", "webhook");
        JsonNode input = report.get("runs").get(0).get("input");
        assertThat(input.get("type").asText()).isEqualTo("message.received");
        assertThat(input.get("data").get("user").asText()).isEqualTo("u1");
        assertThat(report.get("runs").get(0).get("trigger").asText()).isEqualTo("event");
        assertThat(report.get("duplicate").asBoolean()).isFalse();
        assertThat(report.get("skipped")).isEmpty();
    }

    @Test
    void givenDataOnStdin_publish_readsIt() {
        CliResult result = Cli.runWithInput("{\"user\": \"u2\"}", "events", "publish", "message.sent", "--user", "alice",
                "--data", "-", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode runs = result.json().get("runs");
        assertThat(plugins(runs)).containsExactly("analytics");
        assertThat(runs.get(0).get("input").get("data").get("user").asText()).isEqualTo("u2");
    }

    @Test
    void givenTheSameKey_publishAgain_queuesNothingAndShowsTheFirstRuns() {
        JsonNode first = Cli.run("events", "publish", "message.received", "--user", "alice", "--key", "m-1", "--json").json();

        CliResult again = Cli.run("events", "publish", "message.received", "--user", "alice", "--key", "m-1");
        JsonNode againJson = Cli.run("events", "publish", "message.received", "--user", "alice", "--key", "m-1", "--json")
                .json();

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).startsWith("Event message.received with key m-1 was already published for user:alice:"
                + " nothing queued; 2 runs of the first delivery:");
        assertThat(againJson.get("duplicate").asBoolean()).isTrue();
        assertThat(againJson.get("runs").findValuesAsText("id"))
                .containsExactlyInAnyOrderElementsOf(first.get("runs").findValuesAsText("id"));
        assertThat(runsOf(Owner.user("alice"))).isEqualTo(2);
    }

    @Test
    void givenNoSubscriber_publish_saysNothingWasQueued() {
        CliResult result = Cli.run("events", "publish", "message.received", "--org", "acme");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Published message.received for org:acme: 0 runs queued"
                + " (no enabled installation subscribes to it)." + System.lineSeparator());
    }

    @Test
    void givenASubscriberThatRefusesTheEvent_publish_listsItAsSkipped() {
        plugboard.catalog().register(new RegisterPluginCommand(Actor.system(), PluginManifest.builder("strict", "1.0.0")
                .capabilities(List.of("event:message.received"))
                .inputSchema(JsonDocument.parse("{\"type\": \"object\", \"required\": [\"nope\"]}"))
                .build()));
        install(Caller.user("alice", null), "strict");

        CliResult result = Cli.run("events", "publish", "message.received", "--user", "alice");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("2 runs queued").containsPattern("(?m)^skipped  strict: .*input");
    }

    @Test
    void givenBadArguments_publish_isAUsageError() throws IOException {
        CliResult badType = Cli.run("events", "publish", "Message Received", "--user", "alice");
        CliResult badJson = Cli.run("events", "publish", "message.received", "--user", "alice",
                "--data", file("{\"user\": \"u1\", private"));
        CliResult array = Cli.run("events", "publish", "message.received", "--user", "alice", "--data", file("[1, 2]"));
        CliResult missing = Cli.run("events", "publish", "message.received", "--user", "alice",
                "--data", dir.resolve("nope.json").toString());

        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).startsWith("plugboard: error: invalid event type");
        assertThat(badJson.exitCode()).isEqualTo(2);
        assertThat(badJson.err()).startsWith("plugboard: error: invalid event data").doesNotContain("private");
        assertThat(array.exitCode()).isEqualTo(2);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        assertThat(Cli.run("events", "publish", "message.received").exitCode()).isEqualTo(2);
        assertThat(Cli.run("events", "publish", "--user", "alice").exitCode()).isEqualTo(2);
        assertThat(Cli.run("events", "publish", "message.received", "--user", "alice", "--key", "k".repeat(200))
                .exitCode()).isEqualTo(2);
        assertThat(runsOf(Owner.user("alice"))).isZero();
    }
}
