package dev.plugboard.adapter.cli.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import dev.plugboard.adapter.cli.testing.FakeDatabaseAdmin;
import dev.plugboard.adapter.cli.testing.FakeServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DbAndServeCommandsTest {

    private FakeDatabaseAdmin database;
    private FakeServer server;

    @BeforeEach
    void fresh() {
        Cli.reset();
        database = Cli.context().getBean(FakeDatabaseAdmin.class);
        server = Cli.context().getBean(FakeServer.class);
    }

    @Test
    void givenPendingMigration_migrate_appliesItAndThenIsUpToDate() {
        CliResult result = Cli.run("db", "migrate");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Applied 1 migration to " + FakeDatabaseAdmin.URL + ": schema version 1 -> 2.")
                .contains("2  add runs");
        assertThat(Cli.run("db", "migrate").out()).isEqualTo("Database " + FakeDatabaseAdmin.URL
                + " is up to date at schema version 2." + System.lineSeparator());
    }

    @Test
    void givenDatabase_info_printsWhereItIsAndItsMigrations() {
        CliResult result = Cli.run("db", "info");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Database:        " + FakeDatabaseAdmin.URL, "Embedded:        yes, data in",
                "Schema version:  1", "1 applied, 1 pending", "VERSION", "create catalog", "add runs");
    }

    @Test
    void givenDatabase_infoJson_givesStableFields() {
        JsonNode info = Cli.run("db", "info", "--json").json();

        assertThat(info.get("url").asText()).isEqualTo(FakeDatabaseAdmin.URL);
        assertThat(info.get("embedded").asBoolean()).isTrue();
        assertThat(info.get("schemaVersion").asText()).isEqualTo("1");
        assertThat(info.get("applied").get(0).get("installedOn").asText()).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(info.get("pending").get(0).get("installedOn").isNull()).isTrue();
    }

    @Test
    void givenUnexpectedFailure_command_exitsOneWithTheMessageAndNoStackTrace() {
        database.failWith(new IllegalStateException("the disk is full"));

        CliResult result = Cli.run("db", "info");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("plugboard: error: the disk is full" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void givenVerbose_unexpectedFailure_alsoPrintsTheStackTrace() {
        database.failWith(new IllegalStateException("the disk is full"));

        CliResult result = Cli.run("--verbose", "db", "info");
        CliResult afterCommand = Cli.run("db", "info", "--verbose");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("plugboard: error: the disk is full").contains("java.lang.IllegalStateException", "\tat ");
        assertThat(afterCommand.err()).contains("\tat ");
    }

    @Test
    void givenDatabaseError_command_saysItIsTheDatabaseAndGivesTheRootCause() {
        database.failWith(new IllegalStateException("could not migrate",
                new SQLException("Connection to localhost:5432 refused")));

        CliResult result = Cli.run("db", "migrate");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("plugboard: error: database error: Connection to localhost:5432 refused"
                + System.lineSeparator());
    }

    @Test
    void givenServer_serve_runsItAndExitsWithItsCode() {
        server.exitWith(0);
        int before = server.starts();

        CliResult result = Cli.run("serve");

        assertThat(result.exitCode()).isZero();
        assertThat(server.starts()).isEqualTo(before + 1);
        server.exitWith(1);
        assertThat(Cli.run("serve").exitCode()).isEqualTo(1);
    }
}
