package dev.plugboard.adapter.cli.plugins;

import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.adapter.cli.testing.TestPlugboard;
import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.SemanticVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plugins list --pending}, {@code plugins approve} and {@code plugins reject}. */
class ApprovalCommandsTest {

    private TestPlugboard plugboard;

    @BeforeEach
    void twoHeldVersions() {
        plugboard = Cli.reset();
        plugboard.approvals().save(PluginApproval.requested(PluginName.of("greeter"), SemanticVersion.parse("1.0.0"),
                "new plugin", Instant.parse("2026-12-01T10:00:00Z")));
        plugboard.approvals().save(PluginApproval.requested(PluginName.of("rival"), SemanticVersion.parse("2.0.0"),
                "adds capabilities [event:message.sent]", Instant.parse("2026-12-01T11:00:00Z")));
    }

    @Test
    void givenHeldVersions_listPending_printsThemWithTheirReason() {
        CliResult result = Cli.run("plugins", "list", "--pending");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines().toList()).satisfiesExactly(
                header -> assertThat(header).startsWith("NAME").contains("VERSION", "STATUS", "REQUESTED", "REASON"),
                first -> assertThat(first).matches("greeter\\s+1\\.0\\.0\\s+pending\\s+2026-12-01T10:00:00Z\\s+new plugin"),
                second -> assertThat(second).contains("rival", "2.0.0", "adds capabilities [event:message.sent]"));
    }

    @Test
    void givenHeldVersions_approveAndReject_decideThem_andTheyLeaveThePendingList() {
        CliResult approved = Cli.run("plugins", "approve", "greeter");
        CliResult rejected = Cli.run("plugins", "reject", "rival");
        CliResult again = Cli.run("plugins", "approve", "rival");
        CliResult unknown = Cli.run("plugins", "approve", "nothing-held");

        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(approved.out()).contains("Plugin greeter 1.0.0 (new plugin) is approved; `plugboard plugins sync`");
        assertThat(rejected.out()).contains("Plugin rival 2.0.0", "is rejected; it is never applied.");
        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.err()).contains("was rejected already");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(Cli.run("plugins", "list", "--pending").out()).contains("No plugin is waiting for approval.");
        assertThat(plugboard.approvals().findAll(Optional.of(PluginApproval.Status.APPROVED)))
                .extracting(approval -> approval.plugin().value()).containsExactly("greeter");
    }
}
