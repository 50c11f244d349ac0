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
    void givenTheDatabase_health_reportsItUp() {
        ApiResponse response = api().get("/health", Who.newUser("operator"));

        JsonNode jdbc = response.json().path("details").path("jdbc");
        assertThat(jdbc.path("status").asText()).as(response.toString()).isEqualTo("UP");
        assertThat(jdbc.toString()).contains("postgresql");
    }

    @Test
    void givenTheDatabasePool_metrics_includeIt() {
        ApiResponse response = api().get("/metrics", Who.anonymous());

        assertThat(response.body()).contains("hikaricp_connections");
    }
}
