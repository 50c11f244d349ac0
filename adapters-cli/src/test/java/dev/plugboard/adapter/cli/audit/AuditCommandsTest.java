package dev.plugboard.adapter.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.cli.testing.Cli;
import dev.plugboard.adapter.cli.testing.CliResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCommandsTest {

    private static final String OPERATOR = "operator:" + System.getProperty("user.name");

    @BeforeEach
    void operatorDisablesChatAndTriesToDisableAnalytics() {
        Cli.reset();
        Cli.run("plugins", "disable", "chat");
        Cli.run("plugins", "disable", "analytics");
    }

    @Test
    void givenOperations_list_showsThemNewestFirstWithTheOperator() {
        CliResult result = Cli.run("audit", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("TIME").contains("ACTOR", "ACTION", "TARGET", "OUTCOME", "DETAIL");
        assertThat(lines.get(1)).contains(OPERATOR, "disable", "plugin:analytics", "failure", "cannot be disabled");
        assertThat(lines.get(2)).contains(OPERATOR, "disable", "plugin:chat", "success");
    }

    @Test
    void givenFilters_listJson_returnsMatchingEntriesWithStableFields() {
        JsonNode entries = Cli.run("audit", "list", "--target", "plugin:chat", "--action", "disable", "--json").json();

        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("actor").asText()).isEqualTo(OPERATOR);
        assertThat(entry.get("action").asText()).isEqualTo("disable");
        assertThat(entry.get("outcome").asText()).isEqualTo("success");
        assertThat(entry.get("before").get("enabled").asBoolean()).isTrue();
        assertThat(entry.get("after").get("enabled").asBoolean()).isFalse();
        assertThat(Cli.run("audit", "list", "--actor", "user:nobody", "--json").json()).isEmpty();
        assertThat(Cli.run("audit", "list", "--limit", "1", "--json").json()).hasSize(1);
    }

    @Test
    void givenSinceInEveryAcceptedForm_list_filtersByTime() {
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);

        assertThat(Cli.run("audit", "list", "--since", "1h", "--json").json()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Cli.run("audit", "list", "--since", "7d", "--json").json()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Cli.run("audit", "list", "--since", "2000-01-01", "--json").json()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Cli.run("audit", "list", "--since", "2000-01-01T00:00:00Z", "--json").json()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Cli.run("audit", "list", "--since", tomorrow, "--json").json()).isEmpty();
        assertThat(Cli.run("audit", "list", "--since", "2999-01-01T00:00:00+02:00").out()).contains("No audit entries match.");
    }

    @Test
    void givenUnreadableSince_list_isAUsageErrorNamingTheForms() {
        CliResult result = Cli.run("audit", "list", "--since", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plugboard: error: Invalid value for option '--since': 'yesterday' is not a time")
                .contains("2026-03-01", "7d");
    }

    @Test
    void givenUnknownAction_list_isAUsageError() {
        assertThat(Cli.run("audit", "list", "--action", "explode").exitCode()).isEqualTo(2);
    }
}
