package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Administration: register manifests, sync, switch plugins for everyone, read the audit trail. */
public abstract class AdminApiContract extends ApiContract {

    private final Who admin = Who.newAdmin();

    private String registerFresh(String prefix) {
        String name = Who.unique(prefix);
        ContractPlugins.register(api(), admin, ContractPlugins.minimal(name, "contract-switch"));
        return name;
    }

    @Test
    void givenNewManifest_register_is201_andReplacingItIs200() {
        String name = Who.unique("contract-reg");
        String manifest = ContractPlugins.minimal(name, "contract-switch");

        ApiResponse created = api().post("/api/admin/plugins", admin, manifest);
        ApiResponse replaced = api().post("/api/admin/plugins", admin, manifest.replace("1.0.0", "1.1.0"));

        assertThat(ok(created, 201).path("name").asText()).isEqualTo(name);
        assertThat(created.header("Location")).endsWith("/api/plugins/" + name);
        assertThat(ok(replaced, 200).path("version").asText()).isEqualTo("1.1.0");
        assertThat(ok(api().get("/api/plugins/" + name, admin), 200).path("version").asText()).isEqualTo("1.1.0");
    }

    @Test
    void givenARegistrationAddingARequiredField_theInstallationNeedsAttention_runsAre422SettingsInvalid_andAPutClearsIt() {
        String name = Who.unique("contract-greet");
        String v1 = "{\"name\": \"" + name + "\", \"version\": \"1.0.0\", \"displayName\": \"Greeter\","
                + " \"execution\": {\"mode\": \"external\"}, \"settingsSchema\": {\"type\": \"object\","
                + " \"properties\": {\"name\": {\"type\": \"string\"}}}}";
        ContractPlugins.register(api(), admin, v1);
        Who bob = Who.newUser("bob");
        install(bob, name, null);

        ContractPlugins.register(api(), admin, v1.replace("1.0.0", "1.1.0")
                .replace("\"properties\":", "\"required\": [\"name\"], \"properties\":"));

        JsonNode marked = ok(api().get("/api/user/plugins/" + name, bob), 200);
        assertThat(marked.path("needsAttention").asBoolean()).isTrue();
        assertThat(marked.path("violations").get(0).path("pointer").asText()).isEqualTo("/name");
        assertThat(marked.path("violations").get(0).path("keyword").asText()).isEqualTo("required");
        JsonNode refused = problem(api().post("/api/user/plugins/" + name + "/runs", bob, "{\"input\": {}}"), 422);
        assertThat(refused.path("code").asText()).isEqualTo("SETTINGS_INVALID");
        assertThat(refused.path("violations").get(0).path("pointer").asText()).isEqualTo("/name");

        JsonNode fixed = ok(api().put("/api/user/plugins/" + name + "/config", bob, "{\"settings\": {\"name\": \"Bob\"}}",
                java.util.Map.of()), 200);

        assertThat(fixed.path("needsAttention").asBoolean()).isFalse();
        assertThat(fixed.path("violations")).isEmpty();
    }

    @Test
    void givenBrokenManifest_register_is400NamingTheField() {
        JsonNode unknownField = problem(api().post("/api/admin/plugins", admin,
                "{\"name\": \"contract-typo\", \"version\": \"1.0.0\", \"colour\": \"red\"}"), 400);
        JsonNode badVersion = problem(api().post("/api/admin/plugins", admin,
                "{\"name\": \"contract-typo\", \"version\": \"one\"}"), 400);
        JsonNode badSchema = problem(api().post("/api/admin/plugins", admin,
                "{\"name\": \"contract-typo\", \"version\": \"1.0.0\", \"settingsSchema\": {\"type\": \"banana\"}}"), 400);

        assertThat(unknownField.path("detail").asText()).contains("colour");
        assertThat(badVersion.path("detail").asText()).contains("version");
        assertThat(badSchema.path("code").asText()).isEqualTo("invalid_plugin");
        problem(api().get("/api/plugins/contract-typo", admin), 404);
    }

    @Test
    void givenANameARouteWouldShadow_register_is400NamingTheNameAndTheWayOut() {
        JsonNode problem = problem(api().post("/api/admin/plugins", admin, ContractPlugins.minimal("circuits", "contract-switch")), 400);

        assertThat(problem.path("detail").asText()).contains("circuits").contains("routes").contains("'circuits-plugin'");
        assertThat(ok(api().get("/api/user/circuits", admin), 200).path("items").isArray())
                .as("the route still answers: no plugin took the name").isTrue();
    }

    @Test
    void givenMissingDependency_register_is409() {
        JsonNode problem = problem(api().post("/api/admin/plugins", admin,
                ContractPlugins.dependingOn(Who.unique("contract-dep"), "contract-no-such-base")), 409);

        assertThat(problem.path("code").asText()).isEqualTo("unsatisfied_dependencies");
    }

    @Test
    void givenADependentsRange_registeringABreakingVersion_is409_andForcedTheDependentReadsUnsatisfied() {
        String base = registerFresh("contract-range");
        String dependent = Who.unique("contract-ranged");
        ContractPlugins.register(api(), admin, ContractPlugins.dependingOn(dependent, base));
        String breaking = "{\"name\": \"" + base + "\", \"version\": \"2.0.0\", \"execution\": {\"mode\": \"external\"}}";

        JsonNode refused = problem(api().post("/api/admin/plugins", admin, breaking), 409);

        assertThat(refused.path("code").asText()).isEqualTo("unsatisfied_dependencies");
        assertThat(refused.path("detail").asText()).contains("'" + dependent + "' needs " + base + " ^1.0.0");
        assertThat(ok(api().get("/api/plugins/" + dependent, admin), 200).path("unsatisfied")).isEmpty();
        ok(api().post("/api/admin/plugins?force=true", admin, breaking), 200);
        assertThat(ok(api().get("/api/plugins/" + dependent, admin), 200).path("unsatisfied").get(0).asText())
                .isEqualTo("needs " + base + " ^1.0.0 but the catalog has " + base + " 2.0.0");
    }

    @Test
    void givenDryRun_sync_answersThePlanAndAppliesNothing() {
        JsonNode auditBefore = ok(api().get("/api/admin/audit?action=sync&limit=200", admin), 200);

        JsonNode plan = ok(api().post("/api/admin/plugins/sync?dryRun=true", admin), 200);

        assertThat(plan.path("dryRun").asBoolean()).isTrue();
        assertThat(plan.path("summary").asText()).startsWith("dry run, nothing changed");
        assertThat(plan.path("plan")).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("action").asText()).isIn("added", "upgraded", "downgraded", "schema changed", "changed", "unchanged");
            assertThat(line.path("source").asText()).isIn("builtin", "directory", "api");
            assertThat(line.path("applied").asBoolean()).as("nothing is applied in a dry run").isFalse();
        });
        assertThat(ok(api().get("/api/admin/audit?action=sync&limit=200", admin), 200).path("items"))
                .as("a dry run audits nothing").hasSameSizeAs(auditBefore.path("items"));
    }

    @Test
    void givenABuiltin_registeringItsName_is409EvenForced_andTheBuiltinStays() {
        String builtin = ok(api().get("/api/plugins?limit=200", admin), 200).path("items").findValues("name").stream()
                .map(JsonNode::asText).filter(name -> name.equals("analytics") || name.equals("webhook")).findFirst().orElseThrow();
        String version = ok(api().get("/api/plugins/" + builtin, admin), 200).path("version").asText();

        JsonNode refused = problem(api().post("/api/admin/plugins?force=true", admin,
                "{\"name\": \"" + builtin + "\", \"version\": \"99.0.0\", \"execution\": {\"mode\": \"external\"}}"), 409);

        assertThat(refused.path("code").asText()).isEqualTo("plugin_owned_elsewhere");
        assertThat(refused.path("detail").asText()).contains("is a builtin plugin; a builtin is never replaced");
        assertThat(ok(api().get("/api/plugins/" + builtin, admin), 200).path("version").asText()).isEqualTo(version);
    }

    @Test
    void givenAdmin_sync_answersTheReport() {
        JsonNode report = ok(api().post("/api/admin/plugins/sync", admin), 200);

        assertThat(report.path("added").isArray()).isTrue();
        assertThat(report.path("updated").isArray()).isTrue();
        assertThat(report.path("unchanged").isArray()).isTrue();
        assertThat(report.path("rejected").isArray()).isTrue();
        assertThat(report.path("summary").asText()).contains("added").contains("unchanged");
        assertThat(ok(api().get("/api/plugins/" + ContractPlugins.WEBHOOK, admin), 200).path("name").asText())
                .as("a sync keeps registered plugins").isEqualTo(ContractPlugins.WEBHOOK);
    }

    @Test
    void givenEnabledPlugin_disable_switchesItOffForEveryone_andEnableBack() {
        String name = registerFresh("contract-sw");
        Who alice = Who.newUser("alice");

        JsonNode disabled = ok(api().post("/api/admin/plugins/" + name + "/disable", admin), 200);

        assertThat(disabled.path("enabled").asBoolean()).isFalse();
        assertThat(disabled.path("disabledAt").asText()).endsWith("Z");
        assertThat(ok(api().get("/api/plugins/" + name, alice), 200).path("enabled").asBoolean()).isFalse();
        assertThat(problem(api().post(installPath(name), alice), 409).path("code").asText()).isEqualTo("plugin_disabled");
        assertThat(ok(api().post("/api/admin/plugins/" + name + "/enable", admin), 200).path("enabled").asBoolean()).isTrue();
        install(alice, name, null);
    }

    @Test
    void givenDependents_disable_is409_unlessForced() {
        String base = registerFresh("contract-base");
        ContractPlugins.register(api(), admin, ContractPlugins.dependingOn(Who.unique("contract-dependent"), base));

        JsonNode refused = problem(api().post("/api/admin/plugins/" + base + "/disable", admin), 409);
        JsonNode forced = ok(api().post("/api/admin/plugins/" + base + "/disable?force=true", admin), 200);

        assertThat(refused.path("code").asText()).isEqualTo("plugin_in_use");
        assertThat(forced.path("enabled").asBoolean()).isFalse();
    }

    @Test
    void givenUnknownPlugin_enable_is404() {
        problem(api().post("/api/admin/plugins/contract-nothing-here/enable", admin), 404);
        problem(api().post("/api/admin/plugins/contract-nothing-here/disable?force=maybe", admin), 400);
    }

    @Test
    void givenOperations_audit_listsThemWithFiltersAndPaging() {
        Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
        String name = registerFresh("contract-audit");
        ok(api().post("/api/admin/plugins/" + name + "/disable", admin), 200);
        ok(api().post("/api/admin/plugins/" + name + "/enable", admin), 200);
        String target = "plugin:" + name;

        JsonNode all = ok(api().get("/api/admin/audit?target=" + target, admin), 200);
        JsonNode disables = ok(api().get("/api/admin/audit?target=" + target + "&action=disable", admin), 200);
        JsonNode byActor = ok(api().get("/api/admin/audit?actor=user:" + admin.user() + "&since=" + before
                + "&target=" + target, admin), 200);
        JsonNode page = ok(api().get("/api/admin/audit?target=" + target + "&limit=2", admin), 200);
        JsonNode rest = ok(api().get("/api/admin/audit?target=" + target + "&limit=2&after=" + page.path("next").asText(),
                admin), 200);

        List<String> actions = new ArrayList<>();
        all.path("items").forEach(entry -> actions.add(entry.path("action").asText()));
        assertThat(actions).containsExactly("enable", "disable", "register");
        JsonNode entry = disables.path("items").get(0);
        assertThat(entry.path("actor").asText()).isEqualTo("user:" + admin.user());
        assertThat(entry.path("outcome").asText()).isEqualTo("success");
        assertThat(entry.path("before").path("enabled").asBoolean()).isTrue();
        assertThat(entry.path("at").asText()).endsWith("Z");
        assertThat(byActor.path("items")).hasSize(3);
        assertThat(page.path("items")).hasSize(2);
        assertThat(rest.path("items")).hasSize(1);
    }

    @Test
    void givenBadFilters_audit_is400() {
        assertThat(problem(api().get("/api/admin/audit?action=explode", admin), 400).path("detail").asText())
                .contains("explode");
        assertThat(problem(api().get("/api/admin/audit?since=yesterday", admin), 400).path("detail").asText())
                .contains("ISO-8601");
    }

    @Test
    void givenSecretSettings_theAuditTrail_neverShowsThem() {
        Who alice = Who.newUser("alice");
        String token = secret("audit-token");
        install(alice, ContractPlugins.WEBHOOK,
                "{\"settings\": {\"url\": \"https://example.test/hook\", \"token\": \"" + token + "\"}}");

        JsonNode entries = ok(api().get("/api/admin/audit?target=installation:" + alice.owner() + "/"
                + ContractPlugins.WEBHOOK, admin), 200);

        assertThat(entries.path("items")).hasSize(1);
        assertThat(entries.toString()).doesNotContain(token);
    }
}
