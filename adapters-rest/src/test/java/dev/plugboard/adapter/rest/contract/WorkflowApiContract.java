package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.WORKFLOWS;
import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.installedPlugin;
import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.slug;
import static dev.plugboard.adapter.rest.contract.WorkflowFixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller's workflows: create, list, read, replace with {@code If-Match}, move through their
 * life, delete; save-time problems as 422 with pointers; and who may see and change which workflow.
 */
public abstract class WorkflowApiContract extends ApiContract {

    private JsonNode create(Who who, String document) {
        return ok(api().post(WORKFLOWS, who, document), 201);
    }

    @Test
    void givenWorkflowJson_createReadReplaceDelete_roundTripsWithVersionsAsETags() {
        Who alice = Who.newUser("alice");
        String plugin = installedPlugin(this, alice);
        String slug = slug("triage");

        ApiResponse created = api().post(WORKFLOWS, alice, workflow(slug, plugin, null));

        JsonNode workflow = ok(created, 201);
        assertThat(created.header("Location")).endsWith(WORKFLOWS + "/" + slug);
        assertThat(created.header("ETag")).isEqualTo("\"" + workflow.path("version").asLong() + "\"");
        assertThat(workflow.path("id").asText()).isNotBlank();
        assertThat(workflow.path("owner").asText()).isEqualTo(alice.owner());
        assertThat(workflow.path("slug").asText()).isEqualTo(slug);
        assertThat(workflow.path("scope").asText()).isEqualTo("USER");
        assertThat(workflow.path("triggerType").asText()).isEqualTo("MANUAL");
        assertThat(workflow.path("status").asText()).isEqualTo("DRAFT");
        assertThat(workflow.path("isEnabled").asBoolean()).isTrue();
        assertThat(workflow.path("executionCount").asLong()).isZero();
        assertThat(workflow.path("steps").get(0).path("plugin").asText()).isEqualTo(plugin);
        assertThat(workflow.path("steps").get(0).path("inputMapping").path("text").asText())
                .isEqualTo("{{ trigger.data.text }}");
        assertThat(workflow.has("webhookSecret")).as("a manual workflow has no secret").isFalse();

        ApiResponse read = api().get(WORKFLOWS + "/" + slug, alice);
        assertThat(ok(read, 200).path("description").asText()).isEqualTo("summarize what comes in");
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(ok(api().get(WORKFLOWS, alice), 200).path("items")).extracting(item -> item.path("slug").asText())
                .containsExactly(slug);

        String revised = workflow(slug, plugin, "\"description\": \"now with more care\"");
        ApiResponse replaced = api().put(WORKFLOWS + "/" + slug, alice, revised, ifMatch(created.header("ETag")));
        JsonNode after = ok(replaced, 200);
        assertThat(after.path("description").asText()).isEqualTo("now with more care");
        assertThat(after.path("version").asLong()).isGreaterThan(workflow.path("version").asLong());
        assertThat(replaced.header("ETag")).isNotEqualTo(created.header("ETag"));

        JsonNode stale = problem(api().put(WORKFLOWS + "/" + slug, alice, revised, ifMatch(created.header("ETag"))), 412);
        assertThat(stale.path("detail").asText()).isNotBlank();

        ok(api().send("DELETE", WORKFLOWS + "/" + slug, alice, null, ifMatch(replaced.header("ETag"))), 204);
        assertThat(problem(api().get(WORKFLOWS + "/" + slug, alice), 404).path("code").asText())
                .isEqualTo("workflow_not_found");
    }

    @Test
    void givenManyWorkflows_list_pagesWithACursor() {
        Who alice = Who.newUser("alice");
        String plugin = installedPlugin(this, alice);
        for (String name : List.of("a-one", "b-two", "c-three")) {
            create(alice, workflow(name, plugin, null));
        }

        JsonNode first = ok(api().get(WORKFLOWS + "?limit=2", alice), 200);
        JsonNode second = ok(api().get(WORKFLOWS + "?limit=2&after=" + first.path("next").asText(), alice), 200);

        List<String> slugs = new ArrayList<>();
        first.path("items").forEach(item -> slugs.add(item.path("slug").asText()));
        second.path("items").forEach(item -> slugs.add(item.path("slug").asText()));
        assertThat(slugs).containsExactlyInAnyOrder("a-one", "b-two", "c-three");
        assertThat(first.path("items")).hasSize(2);
        assertThat(second.path("next").isNull()).isTrue();
    }

    @Test
    void givenTakenSlug_create_is409() {
        Who alice = Who.newUser("alice");
        String plugin = installedPlugin(this, alice);
        String slug = slug("twice");
        create(alice, workflow(slug, plugin, null));

        JsonNode conflict = problem(api().post(WORKFLOWS, alice, workflow(slug, plugin, null)), 409);

        assertThat(conflict.path("code").asText()).isEqualTo("workflow_exists");
        assertThat(conflict.path("detail").asText()).contains(slug);
    }

    @Test
    void givenBadSlugOrPluginNotInstalled_create_is422WithPointersToTheFields() {
        Who alice = Who.newUser("alice");
        String plugin = installedPlugin(this, alice);

        JsonNode badSlug = problem(api().post(WORKFLOWS, alice, workflow("Not A Slug", plugin, null)), 422);
        JsonNode notInstalled = problem(api().post(WORKFLOWS, alice, workflow(slug("ghost"), "contract-nowhere", null)), 422);

        assertThat(badSlug.path("code").asText()).isEqualTo("invalid_workflow");
        assertThat(badSlug.path("title").asText()).isEqualTo("Invalid workflow");
        assertThat(badSlug.path("problems")).anySatisfy(p -> assertThat(p.path("field").asText()).isEqualTo("/slug"));
        assertThat(notInstalled.path("problems")).anySatisfy(p -> {
            assertThat(p.path("field").asText()).isEqualTo("/steps/0/plugin");
            assertThat(p.path("stepOrder").asInt()).isZero();
            assertThat(p.path("reason").asText()).contains("contract-nowhere");
        });
    }

    @Test
    void givenScheduleTrigger_details_showTheNextFireTimes_andABadCronIs422AtItsPointer() {
        Who alice = Who.newUser("alice");
        String plugin = installedPlugin(this, alice);
        String slug = slug("daily");
        create(alice, workflow(slug, plugin, "\"triggerType\": \"SCHEDULE\", "
                + "\"triggerConfig\": {\"cron\": \"0 9 * * *\", \"timezone\": \"Europe/Berlin\"}"));

        JsonNode details = ok(api().get(WORKFLOWS + "/" + slug, alice), 200);
        JsonNode badCron = problem(api().post(WORKFLOWS, alice, workflow(slug("never"), plugin,
                "\"triggerType\": \"SCHEDULE\", \"triggerConfig\": {\"cron\": \"every full moon\"}")), 422);

        assertThat(details.path("nextFireTimes")).isNotEmpty();
        assertThat(details.path("nextFireTimes").get(0).asText()).endsWith("Z");
        assertThat(details.path("schedule").asText()).isNotBlank();
        assertThat(details.path("webhookUrl").isNull()).isTrue();
        assertThat(badCron.path("problems")).anySatisfy(p -> {
            assertThat(p.path("field").asText()).isEqualTo("/triggerConfig/cron");
            assertThat(p.path("stepOrder").isNull()).isTrue();
        });
    }

    @Test
    void givenNoToken_workflowEndpoints_are401() {
        problem(api().get(WORKFLOWS, Who.anonymous()), 401);
        problem(api().post(WORKFLOWS, Who.anonymous(), "{}"), 401);
        problem(api().get("/api/user/workflow-runs/00000000-0000-0000-0000-000000000000", Who.anonymous()), 401);
    }

    @Test
    void givenWorkflow_activatePauseArchive_moveItAndArchivedIsFinal() {
        Who alice = Who.newUser("alice");
        String plugin = installedPlugin(this, alice);
        String slug = slug("life");
        create(alice, workflow(slug, plugin, null));
        String path = WORKFLOWS + "/" + slug;

        ApiResponse active = api().post(path + "/activate", alice);
        assertThat(ok(active, 200).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.header("ETag")).isNotBlank();
        assertThat(ok(api().post(path + "/pause", alice), 200).path("status").asText()).isEqualTo("PAUSED");
        problem(api().send("POST", path + "/activate", alice, null, ifMatch("\"0\"")), 412);
        assertThat(ok(api().post(path + "/archive", alice), 200).path("status").asText()).isEqualTo("ARCHIVED");

        assertThat(problem(api().post(path + "/activate", alice), 409).path("code").asText()).isEqualTo("workflow_state");
    }

    @Test
    void givenAnotherUsersWorkflow_everyEndpoint_is404() {
        Who alice = Who.newUser("alice");
        String plugin = installedPlugin(this, alice);
        String slug = slug("private");
        create(alice, workflow(slug, plugin, null));

        // Alice acting for an organization is another owner too.
        for (Who stranger : List.of(Who.newUser("mallory"), Who.user(alice.user()).inOrg(Who.unique("acme")))) {
            everyEndpointIs404(stranger, slug, workflow(slug, plugin, null));
        }
        ok(api().get(WORKFLOWS + "/" + slug, alice), 200);
    }

    @Test
    void givenAnotherOrganizationsWorkflow_everyEndpoint_is404EvenForItsAdmin() {
        Who admin = Who.newUser("ada").inOrg(Who.unique("acme")).withClaim("org_role", "admin");
        String plugin = installedPlugin(this, admin);
        String slug = slug("org-private");
        String document = workflow(slug, plugin, "\"scope\": \"ORGANIZATION\"");
        create(admin, document);

        Who sameAdminElsewhere = Who.user(admin.user()).inOrg(Who.unique("globex")).withClaim("org_role", "admin");
        everyEndpointIs404(sameAdminElsewhere, slug, document);
        everyEndpointIs404(Who.user(admin.user()), slug, document);
        ok(api().get(WORKFLOWS + "/" + slug, admin), 200);
    }

    private void everyEndpointIs404(Who stranger, String slug, String document) {
        String path = WORKFLOWS + "/" + slug;
        problem(api().get(path, stranger), 404);
        problem(api().put(path, stranger, document, Map.of()), 404);
        problem(api().send("DELETE", path, stranger, null, Map.of()), 404);
        problem(api().post(path + "/activate", stranger), 404);
        problem(api().post(path + "/runs", stranger, "{\"triggerData\": {}}"), 404);
        problem(api().get(path + "/runs", stranger), 404);
        problem(api().post(path + "/test", stranger, "{}"), 404);
        assertThat(ok(api().get(WORKFLOWS, stranger), 200).path("items"))
                .noneSatisfy(item -> assertThat(item.path("slug").asText()).isEqualTo(slug));
    }

    @Test
    void givenOrganizationWorkflow_membersSeeAndRunIt_onlyOrgAdminsChangeIt() {
        String org = Who.unique("acme");
        Who admin = Who.newUser("ada").inOrg(org).withClaim("org_role", "admin");
        Who member = Who.newUser("mia").inOrg(org);
        String plugin = installedPlugin(this, admin);
        String slug = slug("shared");
        String document = workflow(slug, plugin, "\"scope\": \"ORGANIZATION\"");
        create(admin, document);

        assertThat(ok(api().get(WORKFLOWS + "/" + slug, member), 200).path("scope").asText()).isEqualTo("ORGANIZATION");
        ok(api().post(WORKFLOWS + "/" + slug + "/runs", member, "{\"triggerData\": {\"text\": \"hi\"}}"), 202);
        JsonNode forbidden = problem(api().put(WORKFLOWS + "/" + slug, member, document, Map.of()), 403);
        assertThat(forbidden.path("code").asText()).isEqualTo("workflow_forbidden");
        problem(api().post(WORKFLOWS + "/" + slug + "/archive", member), 403);
        problem(api().post(WORKFLOWS, member, workflow(slug("mine"), plugin, "\"scope\": \"ORGANIZATION\"")), 403);

        String revised = workflow(slug, plugin, "\"scope\": \"ORGANIZATION\", \"description\": \"by the admin\"");
        assertThat(ok(api().put(WORKFLOWS + "/" + slug, admin, revised, Map.of()), 200).path("description").asText())
                .isEqualTo("by the admin");
    }

    @Test
    void givenDepartmentWorkflow_itIsInvisibleToAnotherDepartment() {
        String org = Who.unique("acme");
        Who admin = Who.newUser("ada").inOrg(org).withClaim("org_role", "admin").withClaim("department", "sales");
        Who seller = Who.newUser("sam").inOrg(org).withClaim("department", "sales");
        Who supporter = Who.newUser("sue").inOrg(org).withClaim("department", "support");
        String plugin = installedPlugin(this, admin);
        String slug = slug("leads");
        create(admin, workflow(slug, plugin, "\"scope\": \"DEPARTMENT\", \"department\": \"sales\""));

        assertThat(ok(api().get(WORKFLOWS + "/" + slug, seller), 200).path("department").asText()).isEqualTo("sales");
        problem(api().get(WORKFLOWS + "/" + slug, supporter), 404);
        problem(api().post(WORKFLOWS + "/" + slug + "/runs", supporter, "{}"), 404);
        assertThat(ok(api().get(WORKFLOWS, supporter), 200).path("items"))
                .noneSatisfy(item -> assertThat(item.path("slug").asText()).isEqualTo(slug));
    }
}
