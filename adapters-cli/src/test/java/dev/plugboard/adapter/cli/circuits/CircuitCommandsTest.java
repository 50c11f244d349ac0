package dev.plugboard.adapter.cli.circuits;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitCommandsTest {

    private Plugboard plugboard;

    @BeforeEach
    void fresh() {
        plugboard = Cli.reset().plugboard();
    }

    private PluginRun startAnalyticsRun(Caller caller) {
        return plugboard.runs().start(new StartRunCommand(caller, PluginName.of("analytics"), JsonDocument.empty(),
                RunTrigger.MANUAL, Optional.empty()));
    }

    @Test
    void givenNoCircuits_list_saysSo() {
        CliResult result = Cli.run("circuits", "list", "--user", "alice");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("No circuits for user:alice");
        assertThat(Cli.run("circuits", "list", "--org", "acme", "--json").json()).isEmpty();
    }

    @Test
    void givenOpen_theOwnersRunsFailAtOnceWithRetryAfter_andListShowsTheCircuit() {
        Caller alice = Caller.user("alice", null);
        plugboard.installations().install(new InstallPluginCommand(alice, PluginName.of("analytics"), Optional.empty(),
                Optional.empty()));
        Instant before = Instant.now();

        CliResult opened = Cli.run("circuits", "open", "analytics", "--user", "alice");

        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.out()).startsWith("Opened the circuit of analytics for user:alice until ")
                .contains("PLUGIN_CIRCUIT_OPEN");
        PluginRun refused = startAnalyticsRun(alice);
        JsonNode run = Cli.run("runs", "show", refused.id().toString(), "--user", "alice", "--json").json();
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").get("code").asText()).isEqualTo("PLUGIN_CIRCUIT_OPEN");
        assertThat(run.get("output").get("retryAfterSeconds").asLong()).isBetween(1L, 300L);

        CliResult table = Cli.run("circuits", "list", "--user", "alice");
        JsonNode circuits = Cli.run("circuits", "list", "--user", "alice", "--json").json();

        assertThat(table.out().lines().toList()).hasSize(2);
        assertThat(table.out().lines().findFirst().orElseThrow())
                .startsWith("PLUGIN").contains("STATE", "FAILING", "OPEN UNTIL", "OK", "FAILED", "REJECTED", "LAST FAILURE");
        assertThat(table.out()).contains("analytics", "open");
        assertThat(circuits).hasSize(1);
        JsonNode circuit = circuits.get(0);
        List<String> fields = new ArrayList<>();
        circuit.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("owner", "plugin", "state", "consecutiveFailures", "trialsInFlight", "openUntil",
                "successes", "failures", "rejections", "lastFailureAt", "updatedAt");
        assertThat(circuit.get("owner").asText()).isEqualTo("user:alice");
        assertThat(circuit.get("state").asText()).isEqualTo("open");
        assertThat(circuit.get("rejections").asLong()).isEqualTo(1);
        assertThat(Instant.parse(circuit.get("openUntil").asText()))
                .isBetween(before.plus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(Cli.run("circuits", "list", "--user", "bob", "--json").json()).as("per owner").isEmpty();
    }

    @Test
    void givenFor_open_staysOpenThatLong_andCloseLetsRunsThroughAgain() {
        Caller acme = Caller.member("olivia", "acme", null);
        plugboard.installations().install(new InstallPluginCommand(acme, PluginName.of("analytics"), Optional.empty(),
                Optional.empty()));
        Instant before = Instant.now();

        assertThat(Cli.run("circuits", "open", "analytics", "--org", "acme", "--for", "2h").exitCode()).isZero();

        Instant until = plugboard.circuits().circuits(Owner.organization("acme")).get(0).openUntil().orElseThrow();
        assertThat(until).isBetween(before.plus(Duration.ofHours(2)), Instant.now().plus(Duration.ofHours(2)));

        CliResult closed = Cli.run("circuits", "close", "analytics", "--org", "acme");

        assertThat(closed.exitCode()).as(closed.toString()).isZero();
        assertThat(closed.out()).isEqualTo("Closed the circuit of analytics for org:acme: its runs go through again."
                + System.lineSeparator());
        assertThat(Cli.run("circuits", "list", "--org", "acme", "--json").json().get(0).get("state").asText())
                .isEqualTo("closed");
        assertThat(startAnalyticsRun(acme).status().wireName()).isEqualTo("pending");
    }

    @Test
    void givenOpenAndClose_theAuditTrailRecordsTheOperator() {
        Cli.run("circuits", "open", "analytics", "--user", "alice", "--for", "PT90M");
        Cli.run("circuits", "close", "analytics", "--user", "alice");

        JsonNode entries = Cli.run("audit", "list", "--action", "circuit_forced", "--json").json();

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("actor").asText()).startsWith("operator:");
        assertThat(entries.get(0).get("target").asText()).isEqualTo("circuit:user:alice/analytics");
    }

    @Test
    void givenUnknownPlugin_openAndClose_areNotFound() {
        CliResult result = Cli.run("circuits", "open", "nope", "--user", "alice");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).startsWith("plugboard: error: ").contains("nope");
        assertThat(Cli.run("circuits", "close", "nope", "--org", "acme").exitCode()).isEqualTo(3);
    }

    @Test
    void givenBadArguments_theyAreUsageErrors() {
        assertThat(Cli.run("circuits", "list").exitCode()).isEqualTo(2);
        assertThat(Cli.run("circuits", "list", "--user", "alice", "--org", "acme").exitCode()).isEqualTo(2);
        assertThat(Cli.run("circuits", "open", "analytics").exitCode()).isEqualTo(2);
        assertThat(Cli.run("circuits", "open", "Bad_Name", "--user", "alice").exitCode()).isEqualTo(2);
        assertThat(Cli.run("circuits", "open", "analytics", "--user", "not valid").exitCode()).isEqualTo(2);

        CliResult soon = Cli.run("circuits", "open", "analytics", "--user", "alice", "--for", "soon");
        CliResult zero = Cli.run("circuits", "open", "analytics", "--user", "alice", "--for", "0s");
        CliResult month = Cli.run("circuits", "open", "analytics", "--user", "alice", "--for", "31d");

        assertThat(soon.exitCode()).isEqualTo(2);
        assertThat(soon.err()).startsWith("plugboard: error: ").contains("'soon' is not a duration");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(month.exitCode()).isEqualTo(2);
        assertThat(month.err()).contains("30 days");
        assertThat(plugboard.circuits().circuits(Owner.user("alice"))).isEmpty();
    }
}
