package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.bootstrap.secrets.RawSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings overrides per environment on the real server and PostgreSQL: a server running in
 * {@code staging} ({@code plugboard.environment}) validates the base settings with the staging
 * override as a whole, hands its runs the merged settings, seals the override's secrets and names
 * its environment in the audit trail.
 */
class EnvironmentOverridesFullStackTest {

    private static final String PLUGIN = "env-mailer";
    private static final String MANIFEST = """
            {"name": "env-mailer", "version": "1.0.0", "execution": {"mode": "external"},
             "settingsSchema": {
               "type": "object",
               "required": ["endpoint"],
               "properties": {
                 "endpoint": {"type": "string", "pattern": "^https://"},
                 "apiKey": {"type": "string", "writeOnly": true},
                 "mode": {"enum": ["live", "batch"], "default": "live"},
                 "batchSize": {"type": "integer", "minimum": 1}
               },
               "if": {"properties": {"mode": {"const": "batch"}}},
               "then": {"required": ["batchSize"]}}}""";

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("plugboard-environments", Map.of("plugboard.environment", "staging"));
    private static ApiClient api;
    private static final Who ADMIN = Who.newAdmin();

    @BeforeAll
    static void startServerInStaging() {
        api = new ApiClient(SERVER.server());
        ContractPlugins.register(api, ADMIN, MANIFEST);
    }

    private static Who installedWithBase(String baseKey) {
        Who owner = Who.newUser("erin");
        ApiResponse installed = api.post("/api/user/plugins/" + PLUGIN + "/install", owner,
                "{\"settings\": {\"endpoint\": \"https://mail.example\", \"apiKey\": \"" + baseKey + "\", \"batchSize\": 10}}");
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        return owner;
    }

    private static ApiResponse putConfig(Who owner, String environment, String settings) {
        return api.put("/api/user/plugins/" + PLUGIN + "/config" + (environment == null ? "" : "?environment=" + environment),
                owner, "{\"settings\": " + settings + "}", Map.of());
    }

    private static String storedRow(Who owner) throws SQLException {
        return String.join("\n", new RawSql(SERVER.server().application().context()).strings(
                "SELECT i.settings::text || ' ' || i.secrets::text || ' ' || i.overrides::text FROM installations i "
                        + "WHERE i.user_id = ?", owner.user()));
    }

    @Test
    void givenStagingOverrideWithASecret_put_showsTheWholeSettingsAndNeverTheSecretInResponsesTheDatabaseOrTheAudit()
            throws SQLException {
        String stagingKey = Who.unique("STAGING-KEY-marker");
        Who owner = installedWithBase(Who.unique("PROD-KEY"));

        ApiResponse put = putConfig(owner, "staging", "{\"apiKey\": \"" + stagingKey + "\", \"mode\": \"batch\"}");

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode body = put.json();
        assertThat(body.path("environment").asText()).isEqualTo("staging");
        assertThat(body.path("settings").path("endpoint").asText()).as("from the base").isEqualTo("https://mail.example");
        assertThat(body.path("settings").path("mode").asText()).as("from the override").isEqualTo("batch");
        assertThat(body.path("settings").path("apiKey").asText()).isEqualTo("(set)");
        assertThat(body.path("overrides").path("staging").path("apiKey").asText()).isEqualTo("(set)");
        ApiResponse base = api.get("/api/user/plugins/" + PLUGIN, owner);
        assertThat(base.json().path("settings").path("mode").asText()).as("the base keeps its own").isEqualTo("live");
        ApiResponse staging = api.get("/api/user/plugins/" + PLUGIN + "?environment=staging", owner);
        assertThat(staging.json().path("settings").path("mode").asText()).isEqualTo("batch");
        String audit = String.join("\n", new RawSql(SERVER.server().application().context()).strings(
                "SELECT coalesce(before::text, '') || coalesce(after::text, '') || detail || ' ' || environment "
                        + "FROM audit_entries WHERE target = ? AND action = 'configure'",
                "installation:user:" + owner.user() + "/" + PLUGIN));
        assertThat(audit).contains("override of environment staging", "\"mode\": \"batch\"").endsWith(" staging");
        assertThat(put.body() + base.body() + staging.body() + storedRow(owner) + audit).doesNotContain(stagingKey);
    }

    @Test
    void givenOverrideThatBreaksTheWhole_put_is422WithThePointerAndChangesNothing() throws SQLException {
        Who owner = installedWithBase("prod-key");
        assertThat(putConfig(owner, "staging", "{\"endpoint\": \"https://staging.example\"}").status()).isEqualTo(200);
        String before = storedRow(owner);

        ApiResponse refused = putConfig(owner, "staging", "{\"endpoint\": \"ftp://staging.example\", \"batchSize\": 0}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        JsonNode problem = refused.json();
        assertThat(problem.path("code").asText()).isEqualTo("invalid_settings");
        assertThat(problem.path("detail").asText()).contains("environment 'staging'");
        assertThat(problem.path("violations").findValuesAsText("pointer")).contains("/endpoint", "/batchSize");
        assertThat(storedRow(owner)).isEqualTo(before);
    }

    @Test
    void givenBaseChangeThatBreaksAnEnvironmentsWhole_put_is422NamingTheEnvironmentAndChangesNothing() throws SQLException {
        Who owner = installedWithBase("prod-key");
        assertThat(putConfig(owner, "staging", "{\"mode\": \"batch\"}").status()).isEqualTo(200);
        String before = storedRow(owner);

        ApiResponse refused = putConfig(owner, null, "{\"batchSize\": null}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("detail").asText()).contains("environment 'staging'");
        assertThat(refused.json().path("violations").findValuesAsText("keyword")).contains("required");
        assertThat(storedRow(owner)).isEqualTo(before);
    }

    @Test
    void givenTwoOverrideEditsReadAtTheSameVersion_theSecond_is412AndChangesNothing() throws SQLException {
        Who owner = installedWithBase("prod-key");
        String read = api.get("/api/user/plugins/" + PLUGIN, owner).header("ETag");
        String path = "/api/user/plugins/" + PLUGIN + "/config?environment=staging";

        ApiResponse first = api.put(path, owner, "{\"settings\": {\"mode\": \"batch\"}}", Map.of("If-Match", read));
        String afterFirst = storedRow(owner);
        ApiResponse second = api.put(path, owner, "{\"settings\": {\"batchSize\": 99}}", Map.of("If-Match", read));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).as("an override edit moves the version").isNotEqualTo(read);
        assertThat(second.status()).as(second.toString()).isEqualTo(412);
        // the whole value, not "99": a sealed secret's base64 may hold those digits by chance
        assertThat(storedRow(owner)).isEqualTo(afterFirst).doesNotContain("\"batchSize\": 99");
        ApiResponse third = api.put(path, owner, "{\"settings\": {\"batchSize\": 99}}", Map.of("If-Match", first.header("ETag")));
        assertThat(third.status()).as("with the version the first edit made").isEqualTo(200);
    }

    @Test
    void givenServerInStaging_claim_handsTheWorkerTheBaseSettingsWithTheStagingOverride() {
        String stagingKey = Who.unique("staging-key");
        Who owner = installedWithBase("prod-key");
        assertThat(putConfig(owner, "staging", "{\"apiKey\": \"" + stagingKey + "\"}").status()).isEqualTo(200);
        assertThat(putConfig(owner, "qa", "{\"endpoint\": \"https://qa.example\"}").status()).isEqualTo(200);
        String run = api.post("/api/user/plugins/" + PLUGIN + "/runs", owner, "{\"input\": {}}").json().path("id").asText();

        JsonNode claimed = api.post("/api/worker/runs/claim", Who.newUser("worker").withRoles("worker"),
                "{\"plugins\": [\"" + PLUGIN + "\"], \"max\": 50, \"leaseSeconds\": 60}").json().path("runs");

        JsonNode ours = null;
        for (JsonNode candidate : claimed) {
            if (candidate.path("id").asText().equals(run)) {
                ours = candidate;
            }
        }
        assertThat(ours).as("the run is claimed: " + claimed).isNotNull();
        assertThat(ours.path("settings").path("apiKey").asText()).as("the staging override").isEqualTo(stagingKey);
        assertThat(ours.path("settings").path("endpoint").asText()).as("the base; qa's override is not ours")
                .isEqualTo("https://mail.example");
    }

    @Test
    void givenServerInStaging_aRun_recordsStagingInTheDatabaseAndShowsItInItsDetailsAndTheList() throws SQLException {
        Who owner = installedWithBase("prod-key");

        ApiResponse started = api.post("/api/user/plugins/" + PLUGIN + "/runs", owner, "{\"input\": {}}");
        String run = started.json().path("id").asText();
        ApiResponse details = api.get("/api/user/runs/" + run, owner);
        ApiResponse list = api.get("/api/user/runs", owner);

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("environment").asText()).isEqualTo("staging");
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        assertThat(details.json().path("environment").asText()).isEqualTo("staging");
        assertThat(list.json().findValuesAsText("environment")).containsExactly("staging");
        assertThat(new RawSql(SERVER.server().application().context()).strings(
                "SELECT environment FROM plugin_runs WHERE id = ?::uuid", run)).containsExactly("staging");
    }
}
