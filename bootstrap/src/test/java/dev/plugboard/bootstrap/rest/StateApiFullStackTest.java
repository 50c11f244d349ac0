package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.bootstrap.secrets.RawSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin REST side of declarative state on the real server and PostgreSQL: an export holds no
 * secret value, a dry run shows the changes and makes none, an apply followed by an export gives the
 * same document, a {@code ${file:...}} reference is refused, and only administrators get in.
 */
class StateApiFullStackTest {

    private static final String PLUGIN = "state-mailer";
    private static final String MANIFEST = """
            {"name": "state-mailer", "version": "1.0.0", "execution": {"mode": "external"},
             "settingsSchema": {"type": "object", "required": ["endpoint"],
               "properties": {"endpoint": {"type": "string", "pattern": "^https://"},
                              "apiKey": {"type": "string", "writeOnly": true}}}}""";
    /** A variable every test JVM has: its value stands in for a secret given through the environment. */
    private static final String VARIABLE = "PATH";

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("plugboard-state-api", Map.of());
    private static ApiClient api;
    private static final Who ADMIN = Who.newAdmin();

    @BeforeAll
    static void startServer() {
        api = new ApiClient(SERVER.server());
        ContractPlugins.register(api, ADMIN, MANIFEST);
    }

    private static Who installed(String apiKey) {
        Who owner = Who.newUser("stella");
        ApiResponse installed = api.post("/api/user/plugins/" + PLUGIN + "/install", owner,
                "{\"settings\": {\"endpoint\": \"https://mail.example\", \"apiKey\": \"" + apiKey + "\"}}");
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        ApiResponse override = api.put("/api/user/plugins/" + PLUGIN + "/config?environment=staging", owner,
                "{\"settings\": {\"endpoint\": \"https://staging.mail.example\"}}", Map.of());
        assertThat(override.status()).as(override.toString()).isEqualTo(200);
        return owner;
    }

    private static ApiResponse export(Who owner, String accept) {
        return api.send("GET", "/api/admin/state/export?owner=" + owner.owner(), ADMIN, null, Map.of("Accept", accept));
    }

    private static ApiResponse apply(String query, String yaml, Who who) {
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/admin/state/apply" + query))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/yaml")
                .header("Authorization", api.bearer(who))
                .POST(HttpRequest.BodyPublishers.ofString(yaml)).build();
        return api.exchange("POST apply" + query, request);
    }

    /** The owner's export as YAML, its placeholder reference and its base endpoint replaced. */
    private static String exportedWith(Who owner, String reference, String endpoint) {
        return export(owner, "application/yaml").body().replace("endpoint: https://mail.example", "endpoint: " + endpoint)
                .replaceAll("\\$\\{env:SECRET_[A-Z0-9_]+}", java.util.regex.Matcher.quoteReplacement(reference));
    }

    private static String stored(Who owner) throws SQLException {
        return String.join("\n", new RawSql(SERVER.server().application().context()).strings(
                "SELECT settings::text || ' ' || secrets::text || ' ' || overrides::text || ' ' || enabled::text"
                        + " FROM installations WHERE user_id = ?", owner.user()));
    }

    @Test
    void givenAnInstallationWithASecret_export_isYamlOrJsonWithAReferenceAndNeverTheValue() throws Exception {
        String secret = Who.unique("SECRET-marker");
        Who owner = installed(secret);

        ApiResponse yaml = export(owner, "application/yaml");
        ApiResponse json = export(owner, "application/json");

        assertThat(yaml.status()).as(yaml.toString()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(yaml.body()).contains("plugboard: state/v1", "plugin: " + PLUGIN, "https://staging.mail.example",
                "apiKey: \"${env:SECRET_USER_" + owner.user().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_"));
        assertThat(yaml.header("X-Plugboard-Warning")).as("the placeholder is named").contains("/apiKey");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(new ObjectMapper().readTree(json.body())).isEqualTo(new YAMLMapper().readTree(yaml.body()));
        assertThat(yaml.body() + json.body() + yaml.headers().map()).doesNotContain(secret);
    }

    @Test
    void givenAChangedDocument_applyDryRun_showsTheChangesAndChangesNothing() throws SQLException {
        Who owner = installed("key-1");
        String before = stored(owner);
        String changed = exportedWith(owner, "${env:" + VARIABLE + "}", "https://other.mail.example");

        ApiResponse dryRun = apply("?dryRun=true", changed, ADMIN);

        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(dryRun.json().path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.json().path("changes").toString()).contains("~ configure " + owner.owner() + "/" + PLUGIN);
        assertThat(stored(owner)).isEqualTo(before);
    }

    @Test
    void givenAnotherOwnersExport_applyThenExport_givesTheSameDocumentAndApplyingAgainChangesNothing() throws SQLException {
        Who source = installed("key-2");
        ApiResponse workflow = api.post("/api/user/workflows", source, """
                {"name": "Hook", "slug": "hook", "triggerType": "WEBHOOK", "status": "ACTIVE",
                 "triggerConfig": {"secret": "a-webhook-secret-of-the-source"},
                 "steps": [{"order": 1, "plugin": "state-mailer"}]}""");
        assertThat(workflow.status()).as(workflow.toString()).isEqualTo(201);
        Who target = Who.newUser("tara");
        assertThat(api.get("/api/user/plugins", target).status()).as("the owner exists").isEqualTo(200);
        String document = export(source, "application/yaml").body().replace(source.owner(), target.owner())
                .replaceAll("\\$\\{env:SECRET_[A-Z0-9_]+}", "\\${env:" + VARIABLE + "}");

        ApiResponse applied = apply("", document, ADMIN);
        ApiResponse exported = export(target, "application/yaml");
        ApiResponse again = apply("", document, ADMIN);

        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().path("changes").toString()).contains("+ install " + target.owner() + "/" + PLUGIN,
                "~ override " + target.owner() + "/" + PLUGIN + " in environment staging", "+ workflow " + target.owner() + "/hook");
        assertThat(document).contains("slug: hook", "secret: \"${env:" + VARIABLE + "}\"").doesNotContain("a-webhook-secret");
        assertThat(exported.body()).isEqualTo(document);
        assertThat(exported.header("X-Plugboard-Warning")).as("the reference given is known now").isNull();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("changes").size()).as("the secrets from %s match in clear", VARIABLE).isZero();
        assertThat(again.json().path("unchanged").toString()).contains("= workflow " + target.owner() + "/hook");
        assertThat(stored(target)).doesNotContain(System.getenv(VARIABLE));
        assertThat(new RawSql(SERVER.server().application().context()).strings("SELECT detail FROM audit_entries"
                + " WHERE action = 'state_applied' AND target = ?", "state:" + target.owner()))
                .singleElement().asString().contains("+ install " + target.owner() + "/" + PLUGIN);
        assertThat(document.indexOf("\nworkflows:")).as("workflows, the last key").isGreaterThan(document.indexOf("plugboard: state/v1"));
        ApiResponse pruned = apply("?prune=true", document.substring(0, document.indexOf("\nworkflows:") + 1), ADMIN);
        assertThat(pruned.json().path("changes").toString()).as(pruned.toString())
                .contains("- workflow " + target.owner() + "/hook").doesNotContain("uninstall");
        assertThat(api.get("/api/user/workflows/hook", target).status()).isEqualTo(404);
    }

    @Test
    void givenAFileReferenceAndABadSetting_apply_is400NamingBothAndChangesNothing() throws SQLException {
        Who owner = installed("key-3");
        String before = stored(owner);
        String bad = exportedWith(owner, "${file:/etc/hostname}", "ftp://mail.example");

        ApiResponse refused = apply("", bad, ADMIN);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        JsonNode problem = refused.json();
        assertThat(problem.path("code").asText()).isEqualTo("invalid_state");
        assertThat(problem.path("detail").asText()).contains("${file:/etc/hostname} is refused", "only ${env:NAME}",
                "/endpoint");
        assertThat(stored(owner)).isEqualTo(before);
    }

    @Test
    void givenAnInstallationAndAnInvalidWorkflow_apply_is400NamingTheWorkflowsProblemsAndChangesNothing() throws SQLException {
        Who owner = Who.newUser("wendy");
        assertThat(api.get("/api/user/plugins", owner).status()).as("the owner exists").isEqualTo(200);
        String document = """
                plugboard: state/v1
                installations:
                  - {owner: "%1$s", plugin: state-mailer, settings: {endpoint: "https://mail.example"}}
                workflows:
                  - owner: "%1$s"
                    name: Broken
                    slug: broken
                    triggerType: SCHEDULE
                    triggerConfig: {cron: "0 99 * * *"}
                    steps: [{order: 1, plugin: no-such-plugin}]
                """.formatted(owner.owner());

        ApiResponse refused = apply("", document, ADMIN);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("invalid_state");
        assertThat(refused.json().path("detail").asText()).contains("workflows[0] (" + owner.owner() + "/broken)",
                "/triggerConfig/cron", "step 1: /steps/0/plugin");
        assertThat(stored(owner)).as("the installation went back with it").isEmpty();
    }

    @Test
    void givenNotAYamlDocument_apply_is400NamingThePlace() {
        ApiResponse refused = apply("", "plugboard: [state/v1\n  broken: {", ADMIN);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("not valid YAML or JSON at line");
    }

    @Test
    void givenANonAdmin_exportAndApply_are403() {
        Who owner = installed("key-4");

        ApiResponse exported = export(owner, "application/yaml");
        ApiResponse asOwner = api.send("GET", "/api/admin/state/export?owner=" + owner.owner(), owner, null, Map.of());
        ApiResponse applied = apply("?dryRun=true", exported.body(), owner);

        assertThat(asOwner.status()).isEqualTo(403);
        assertThat(applied.status()).isEqualTo(403);
    }
}
