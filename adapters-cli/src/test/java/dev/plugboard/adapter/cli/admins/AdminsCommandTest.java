package dev.plugboard.adapter.cli.admins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.adapter.cli.testing.TestPlugboard;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.audit.AuditAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminsCommandTest {

    private TestPlugboard plugboard;

    @BeforeEach
    void fresh() {
        plugboard = Cli.reset();
    }

    @Test
    void givenSubject_grant_givesAdminByDefaultAndAuditsItAsTheOperator() {
        CliResult result = Cli.run("admins", "grant", "alice");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Granted admin to 'alice'.\n");
        assertThat(plugboard.plugboard().grants().rolesOf("alice")).containsExactly(Role.ADMIN);
        var entry = plugboard.plugboard().audit().list(AuditFilter.ALL, PageRequest.first()).items().get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.ROLE_GRANTED);
        assertThat(entry.actor().toString()).startsWith("operator:");
    }

    @Test
    void givenGrantTwice_theSecondChangesNothingAndSucceeds() {
        Cli.run("admins", "grant", "worker-1", "--role", "worker");

        CliResult again = Cli.run("admins", "grant", "worker-1", "--role", "WORKER");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("'worker-1' already holds worker", "nothing changed");
    }

    @Test
    void givenGrants_listShowsThemAsATableAndAsJson() throws Exception {
        Cli.run("admins", "grant", "bob");
        Cli.run("admins", "grant", "alice", "--role", "worker");

        CliResult table = Cli.run("admins", "list");
        JsonNode json = new ObjectMapper().readTree(Cli.run("admins", "list", "--subject", "bob", "--json").out());

        assertThat(table.out().lines().toList()).hasSize(3);
        assertThat(table.out().lines().toList().get(0)).startsWith("SUBJECT").contains("ROLE", "GRANTED BY");
        assertThat(table.out().lines().toList().get(1)).startsWith("alice").contains("worker");
        assertThat(json).hasSize(1);
        assertThat(json.get(0).path("subject").asText()).isEqualTo("bob");
        assertThat(json.get(0).path("role").asText()).isEqualTo("admin");
        assertThat(json.get(0).path("grantedBy").asText()).startsWith("operator:");
    }

    @Test
    void givenGrant_revokeRemovesIt_andRevokingAgainIsNotFound() {
        Cli.run("admins", "grant", "alice");

        CliResult revoke = Cli.run("admins", "revoke", "alice");
        CliResult again = Cli.run("admins", "revoke", "alice");

        assertThat(revoke.exitCode()).isZero();
        assertThat(revoke.out()).isEqualTo("Revoked admin from 'alice'.\n");
        assertThat(plugboard.plugboard().grants().rolesOf("alice")).isEmpty();
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err()).contains("'alice' holds no grant of the role admin");
        assertThat(Cli.run("admins", "list").out()).contains("No roles are granted");
    }

    @Test
    void givenBadRoleOrSubject_grantIsAUsageErrorNamingTheValue() {
        CliResult badRole = Cli.run("admins", "grant", "alice", "--role", "root");
        CliResult badSubject = Cli.run("admins", "grant", "al ice");

        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("'root'", "admin, worker");
        assertThat(badSubject.exitCode()).isEqualTo(2);
        assertThat(badSubject.err()).contains("'al ice'");
        assertThat(plugboard.plugboard().grants().grants(java.util.Optional.empty())).isEmpty();
    }
}
