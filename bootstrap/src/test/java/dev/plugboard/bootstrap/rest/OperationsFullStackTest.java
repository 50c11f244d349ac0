package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.OperationsContract;
import dev.plugboard.adapter.rest.contract.Who;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The operations contract against the real server and PostgreSQL, whose health includes the database. */
class OperationsFullStackTest extends OperationsContract {

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }

    @Test
    void givenTheDatabase_healthAndReadiness_reportItUpToAnAdmin() {
        for (String path : new String[] {"/health", "/health/readiness"}) {
            ApiResponse response = api().get(path, Who.newAdmin());

            JsonNode jdbc = response.json().path("details").path("jdbc");
            assertThat(jdbc.path("status").asText()).as(response.toString()).isEqualTo("UP");
            assertThat(jdbc.toString()).contains("postgresql");
        }
    }

    @Test
    void givenAPlainUser_health_namesNoDatabase() {
        ApiResponse response = api().get("/health/readiness", Who.newUser("operator"));

        assertThat(response.json().path("status").asText()).as(response.toString()).isEqualTo("UP");
        assertThat(response.body()).doesNotContain("postgresql", "jdbc", "diskSpace");
    }

    @Test
    void givenNoHostConfigured_theServer_isBoundToLoopbackOnly() {
        assertThat(FullStackServer.shared().application().boundAddresses()).as("bound addresses").isNotEmpty()
                .allSatisfy(address -> assertThat(address).startsWith("127.0.0.1:"));
    }

    @Test
    void givenExecutionInThisInstance_healthAndMetrics_reportItsSlotsAndAbandonedHandlers() {
        JsonNode execution = api().get("/health", Who.newAdmin()).json().path("details").path("execution");
        String metrics = api().get("/metrics", Who.anonymous()).body();

        assertThat(execution.path("status").asText()).as(execution.toString()).isEqualTo("UP");
        assertThat(execution.path("details").path("abandonedHandlers").isInt()).as(execution.toString()).isTrue();
        assertThat(execution.path("details").path("slotsTaken").isInt()).isTrue();
        assertThat(execution.path("details").path("concurrency").asInt()).isPositive();
        assertThat(metrics).contains("plugboard_execution_handlers_abandoned", "plugboard_execution_slots_taken");
    }

    @Test
    void givenTheDatabasePool_metrics_includeIt() {
        ApiResponse response = api().get("/metrics", Who.anonymous());

        assertThat(response.body()).contains("hikaricp_connections");
    }
}
