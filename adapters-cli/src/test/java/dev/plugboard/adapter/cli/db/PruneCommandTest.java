package dev.plugboard.adapter.cli.db;

import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plugboard db prune}: the table per kind, the dry-run wording, JSON, and progress on stderr only. */
class PruneCommandTest {

    @BeforeEach
    void fresh() {
        Cli.reset();
    }

    @Test
    void givenDryRun_itPrintsWhatWouldGoPerKind_andSaysNothingWasRemoved() {
        CliResult result = Cli.run("db", "prune", "--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("WOULD REMOVE", "runs", "event-keys", "2026-01-01T00:00:00Z",
                "Dry run: nothing was removed; run without --dry-run to remove 4 record(s).");
        assertThat(result.err()).as("no progress for a dry run").isEmpty();
    }

    @Test
    void givenPrune_itReportsProgressOnStderr_andTheCountsOnStdout() {
        CliResult result = Cli.run("db", "prune");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("prune runs: 3 so far");
        assertThat(result.out()).contains("REMOVED", "Removed 4 record(s)").doesNotContain("so far");
    }

    @Test
    void givenJson_prune_printsTheCountsAsJsonOnStdout_andPlainProgressLinesOnStderr() {
        CliResult result = Cli.run("db", "prune", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json().path("removed").path("runs").asLong()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("prune runs: 3 so far" + System.lineSeparator());
    }

    @Test
    void givenJson_theCountsAreKeyedByKind() {
        CliResult result = Cli.run("db", "prune", "--dry-run", "--json");

        assertThat(result.out()).contains("\"dryRun\" : true").contains("\"runs\" : 3").contains("\"audit\" : 1")
                .contains("\"rollups\" : 0");
    }
}
