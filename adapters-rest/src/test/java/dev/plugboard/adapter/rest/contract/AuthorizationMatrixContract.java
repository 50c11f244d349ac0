package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.plugboard.adapter.rest.contract.ContractPlugins.NOTES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every kind of caller. The owner is an organization (its member acts for
 * it); "another organization" is that same person acting for a different organization, the
 * tightest boundary there is. Callers go in column order, so the owner's destructive call is last.
 */
public abstract class AuthorizationMatrixContract extends ApiContract {

    /** The columns of the matrix. */
    enum Caller { ANONYMOUS, ANOTHER_USER, ANOTHER_ORGANIZATION, WORKER, ADMIN, OWNER }

    /**
     * A fresh owner with an installation and a pending run, a plugin to switch (also the external
     * plugin workers claim and circuits are forced for), and the other callers.
     */
    private record World(Map<Caller, Who> callers, String runId, String switchable, String workflow, String workflowRun) {
        String path(String template) {
            return template == null ? null : template.replace("{run}", runId).replace("{switchable}", switchable)
                    .replace("{owner}", callers.get(Caller.OWNER).owner()).replace("{workflow}", workflow)
                    .replace("{workflowRun}", workflowRun);
        }
    }

    private record Row(String method, String path, String body, int[] statuses) {
        Map<Caller, Integer> expected() {
            Map<Caller, Integer> expected = new LinkedHashMap<>();
            for (Caller caller : Caller.values()) {
                expected.put(caller, statuses[caller.ordinal()]);
            }
            return expected;
        }
    }

    private static Row row(String method, String path, String body, int... statuses) {
        return new Row(method, path, body, statuses);
    }

    /** An organization workflow of one step on the owner's notes installation; {slug} is filled in. */
    private static final String WORKFLOW_DOCUMENT = "{\"name\": \"Matrix {slug}\", \"slug\": \"{slug}\", \"scope\": \"ORGANIZATION\", \"steps\": [{\"order\": 0,"
            + " \"plugin\": \"" + NOTES + "\", \"inputMapping\": {\"text\": \"{{ trigger.data.text }}\"}}]}";

    //                       columns: ANONYMOUS, ANOTHER_USER, ANOTHER_ORGANIZATION, WORKER, ADMIN, OWNER
    private static final List<Row> MATRIX = List.of(
            row("GET", "/api/plugins", null, 401, 200, 200, 200, 200, 200),
            row("GET", "/api/plugins/" + NOTES, null, 401, 200, 200, 200, 200, 200),
            row("GET", "/api/user/plugins", null, 401, 200, 200, 200, 200, 200),
            row("GET", "/api/user/plugins/" + NOTES, null, 401, 404, 404, 404, 404, 200),
            row("POST", "/api/user/plugins/" + NOTES + "/install", "{}", 401, 201, 201, 201, 201, 409),
            row("POST", "/api/user/plugins/" + NOTES + "/uninstall", null, 401, 404, 404, 404, 404, 204),
            row("PUT", "/api/user/plugins/" + NOTES + "/config", "{\"settings\": {\"color\": \"red\"}}",
                    401, 404, 404, 404, 404, 200),
            row("POST", "/api/user/plugins/" + NOTES + "/toggle", "{\"enabled\": false}", 401, 404, 404, 404, 404, 200),
            row("POST", "/api/user/plugins/" + NOTES + "/settings/validate", "{\"settings\": {}}",
                    401, 200, 200, 200, 200, 200),
            row("POST", "/api/user/plugins/" + NOTES + "/runs", "{\"input\": {}}", 401, 404, 404, 404, 404, 202),
            row("GET", "/api/user/runs", null, 401, 200, 200, 200, 200, 200),
            row("GET", "/api/user/runs/{run}", null, 401, 404, 404, 404, 404, 200),
            row("POST", "/api/user/runs/{run}/cancel", null, 401, 404, 404, 404, 404, 200),
            row("POST", "/api/admin/plugins", "{}", 401, 403, 403, 403, 400, 403),
            row("POST", "/api/admin/plugins/sync", null, 401, 403, 403, 403, 200, 403),
            row("POST", "/api/admin/plugins/{switchable}/disable", null, 401, 403, 403, 403, 200, 403),
            row("POST", "/api/admin/plugins/{switchable}/enable", null, 401, 403, 403, 403, 200, 403),
            // Nothing of that name is held for approval: an administrator passes and learns so (404).
            row("POST", "/api/admin/plugins/{switchable}/approve", null, 401, 403, 403, 403, 404, 403),
            row("POST", "/api/admin/plugins/{switchable}/reject", null, 401, 403, 403, 403, 404, 403),
            row("GET", "/api/admin/approvals", null, 401, 403, 403, 403, 200, 403),
            row("GET", "/api/admin/state/export?owner={owner}", null, 401, 403, 403, 403, 200, 403),
            row("POST", "/api/admin/state/apply?dryRun=true", "{\"plugboard\": \"state/v1\", \"owner\": \"{owner}\"}",
                    401, 403, 403, 403, 200, 403),
            row("GET", "/api/admin/audit", null, 401, 403, 403, 403, 200, 403),
            row("GET", "/api/admin/grants", null, 401, 403, 403, 403, 200, 403),
            row("POST", "/api/admin/grants", "{\"subject\": \"grantee-{run}\", \"role\": \"worker\"}",
                    401, 403, 403, 403, 201, 403),
            row("DELETE", "/api/admin/grants/grantee-{run}/worker", null, 401, 403, 403, 403, 404, 403),
            // Workers claim across owners, so only the worker role may; a run it never claimed is a lost lease.
            row("POST", "/api/worker/runs/claim", "{\"plugins\": [\"{switchable}\"], \"max\": 1, \"leaseSeconds\": 30}",
                    401, 403, 403, 200, 403, 403),
            row("POST", "/api/worker/runs/{run}/heartbeat", "{\"leaseSeconds\": 30}", 401, 403, 403, 409, 403, 403),
            row("POST", "/api/worker/runs/{run}/complete", "{\"output\": {}}", 401, 403, 403, 409, 403, 403),
            row("POST", "/api/worker/runs/{run}/fail", "{\"code\": \"BOOM\"}", 401, 403, 403, 409, 403, 403),
            // Anyone publishes for their own owner; only an admin names another one.
            row("POST", "/api/events", "{\"type\": \"contract.matrix\", \"data\": {}}", 401, 202, 202, 202, 202, 202),
            row("POST", "/api/events", "{\"type\": \"contract.matrix\", \"user\": \"someone-else\"}",
                    401, 403, 403, 403, 202, 403),
            row("GET", "/api/user/circuits", null, 401, 200, 200, 200, 200, 200),
            row("GET", "/api/user/plugins/circuits", null, 401, 200, 200, 200, 200, 200),
            // Nobody in this world installed analytics: the literal route answers, with 404, for every caller.
            row("GET", "/api/user/plugins/analytics/stats", null, 401, 404, 404, 404, 404, 404),
            row("POST", "/api/admin/circuits/{owner}/{switchable}/open?duration=PT1M", null, 401, 403, 403, 403, 200, 403),
            row("POST", "/api/admin/circuits/{owner}/{switchable}/close", null, 401, 403, 403, 403, 200, 403),
            row("GET", "/api/admin/plugins/health", null, 401, 403, 403, 403, 200, 403),
            row("GET", "/api/plugins/" + NOTES + "/health", null, 401, 200, 200, 200, 200, 200),
            row("GET", "/api/admin/alerts?status=open", null, 401, 403, 403, 403, 200, 403),
            row("POST", "/api/admin/alerts/00000000-0000-4000-8000-000000000000/acknowledge", null,
                    401, 403, 403, 403, 404, 403),
            row("POST", "/api/admin/alerts/00000000-0000-4000-8000-000000000000/resolve", null,
                    401, 403, 403, 403, 404, 403),
            row("GET", "/api/user/alerts", null, 401, 200, 200, 200, 200, 200),
            row("GET", "/api/admin/plugins/{switchable}/metrics", null, 401, 403, 403, 403, 200, 403),
            // The caller's own runs of the plugin only: another owner gets its own (empty) series, never the owner's.
            row("GET", "/api/user/plugins/" + NOTES + "/metrics", null, 401, 200, 200, 200, 200, 200),
            // Workflows: the owner organization's own; other owners see none of it.
            row("GET", "/api/user/workflows", null, 401, 200, 200, 200, 200, 200),
            row("POST", "/api/user/workflows", WORKFLOW_DOCUMENT.replace("{slug}", "matrix-new"),
                    401, 403, 403, 403, 403, 201), // an organization workflow needs an admin of that organization
            row("GET", "/api/user/workflows/{workflow}", null, 401, 404, 404, 404, 404, 200),
            row("PUT", "/api/user/workflows/{workflow}", WORKFLOW_DOCUMENT.replace("{slug}", "{workflow}"),
                    401, 404, 404, 404, 404, 200),
            row("POST", "/api/user/workflows/{workflow}/activate", null, 401, 404, 404, 404, 404, 200),
            // The world's workflow is a draft: pausing it is a conflict, which shows the owner got past authorization.
            row("POST", "/api/user/workflows/{workflow}/pause", null, 401, 404, 404, 404, 404, 409),
            row("POST", "/api/user/workflows/{workflow}/archive", null, 401, 404, 404, 404, 404, 200),
            row("GET", "/api/user/workflows/{workflow}/runs", null, 401, 404, 404, 404, 404, 200),
            row("POST", "/api/user/workflows/{workflow}/runs", "{\"triggerData\": {\"text\": \"hi\"}}",
                    401, 404, 404, 404, 404, 202),
            row("POST", "/api/user/workflows/{workflow}/test", "{\"triggerData\": {\"text\": \"hi\"}}",
                    401, 404, 404, 404, 404, 200),
            row("DELETE", "/api/user/workflows/{workflow}", null, 401, 404, 404, 404, 404, 204),
            row("GET", "/api/user/workflow-runs/{workflowRun}", null, 401, 404, 404, 404, 404, 200),
            row("POST", "/api/user/workflow-runs/{workflowRun}/cancel", null, 401, 404, 404, 404, 404, 200),
            row("GET", "/health", null, 200, 200, 200, 200, 200, 200),
            row("GET", "/metrics", null, 200, 200, 200, 200, 200, 200),
            row("GET", "/swagger/plugboard.yml", null, 200, 200, 200, 200, 200, 200));

    /**
     * Where another member of the owner's organization (acting for it, not its administrator) gets
     * something else than the owner: only the organization's administrators change its workflows
     * (docs/workflows.md), while every member sees and runs them and shares its installations.
     */
    private static final Map<String, Integer> MEMBER_DIFFERS = Map.of(
            "POST /api/user/workflows", 403,
            "PUT /api/user/workflows/{workflow}", 403,
            "POST /api/user/workflows/{workflow}/activate", 403,
            "POST /api/user/workflows/{workflow}/pause", 403,
            "POST /api/user/workflows/{workflow}/archive", 403,
            "DELETE /api/user/workflows/{workflow}", 403);

    /**
     * Operations no caller row covers, each with the reason. The webhook endpoint is public: its caller
     * is proven by the workflow's signature, which WorkflowRunApiContract tests (401 on a bad one).
     */
    private static final Map<String, String> EXEMPT = Map.of(
            "POST /hooks/{workflowId}", "public; authenticated by the workflow's HMAC signature (WorkflowRunApiContract)");

    @Test
    void givenTheServedOpenApiDocument_everyOperation_hasARowInTheMatrix() throws Exception {
        ApiResponse served = api().get("/swagger/plugboard.yml", Who.anonymous());
        JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(served.body());
        List<String> operations = new java.util.ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (java.util.Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));

        List<String> uncovered = operations.stream().filter(operation -> !EXEMPT.containsKey(operation))
                .filter(operation -> MATRIX.stream().noneMatch(row -> covers(row, operation))).toList();

        assertThat(operations).as("operations in the served OpenAPI document").hasSizeGreaterThan(40);
        assertThat(uncovered).as("operations without a row in the authorization matrix: add one").isEmpty();
    }

    @Test
    void givenTheMatrix_everyErrorStatusItExpects_isDeclaredByItsOperation() throws Exception {
        JsonNode document = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(api().get("/swagger/plugboard.yml", Who.anonymous()).body());
        Map<String, java.util.Set<Integer>> declared = OpenApiDocumentContract.declaredStatuses(document);
        List<String> undeclared = new java.util.ArrayList<>();

        for (Row row : MATRIX) {
            declared.entrySet().stream().filter(operation -> covers(row, operation.getKey())).forEach(operation -> {
                for (int status : row.statuses()) {
                    if (status >= 400 && !operation.getValue().contains(status)) {
                        undeclared.add(operation.getKey() + " answers " + status + " in the matrix");
                    }
                }
            });
        }
        MEMBER_DIFFERS.forEach((operation, status) -> {
            if (!declared.getOrDefault(operation.replace("{workflow}", "{slug}"), java.util.Set.of()).contains(status)) {
                undeclared.add(operation + " answers " + status + " to a member");
            }
        });

        assertThat(undeclared).as("error statuses the server gives that the OpenAPI document does not declare").isEmpty();
    }

    /** Whether the row calls the operation: same method, and its path (placeholders filled) fits the template. */
    private static boolean covers(Row row, String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        String concrete = row.path().replaceAll("\\{[a-zA-Z]+}", "x").replaceAll("\\?.*$", "");
        return row.method().equals(method) && concrete.matches(template.replaceAll("\\{[^}]+}", "[^/]+"));
    }

    private World newWorld(boolean withWorkflow) {
        String org = Who.unique("acme");
        // An administrator of its organization, so that it may manage the organization's workflows too.
        Who owner = Who.newUser("olivia").inOrg(org).withClaim("org_role", "admin");
        Map<Caller, Who> callers = new LinkedHashMap<>();
        callers.put(Caller.ANONYMOUS, Who.anonymous());
        callers.put(Caller.ANOTHER_USER, Who.newUser("mallory"));
        callers.put(Caller.ANOTHER_ORGANIZATION, Who.user(owner.user()).inOrg(Who.unique("globex")));
        callers.put(Caller.WORKER, Who.newUser("worker").withRoles("worker"));
        callers.put(Caller.ADMIN, Who.newAdmin());
        callers.put(Caller.OWNER, owner);
        install(owner, NOTES, null);
        String runId = startRun(owner, NOTES).path("id").asText();
        String switchable = Who.unique("contract-matrix");
        ContractPlugins.register(api(), callers.get(Caller.ADMIN), ContractPlugins.minimal(switchable, "contract-switch"));
        if (!withWorkflow) {
            return new World(callers, runId, switchable, "none", "none");
        }
        String workflow = Who.unique("matrix-flow");
        ok(api().post("/api/user/workflows", owner, WORKFLOW_DOCUMENT.replace("{slug}", workflow)), 201);
        String workflowRun = ok(api().post("/api/user/workflows/" + workflow + "/runs", owner,
                "{\"triggerData\": {\"text\": \"waits for a worker\"}}"), 202).path("id").asText();
        return new World(callers, runId, switchable, workflow, workflowRun);
    }

    /**
     * Whether the target is the full stack. This module's in-memory server wires neither the workflow
     * engine (templates and schedules come from adapters-workflow-language) nor the metrics rollups
     * (PostgreSQL's), so its run leaves those rows, and only those, to the full-stack run.
     */
    protected boolean isFullStack() {
        return true;
    }

    private boolean runs(Row row) {
        return isFullStack() || !(row.path().contains("/workflow") || row.path().endsWith("/metrics"));
    }

    /**
     * The callers that need no column: a token of the owner's that expired, is signed with another
     * key, or has {@code alg: none} is worth exactly what no token is; another member of the owner's
     * organization gets what the owner gets, except as {@link #MEMBER_DIFFERS} says. Each on a world of
     * its own, so that nothing another caller changed decides the answer.
     */
    @TestFactory
    Stream<DynamicTest> everyEndpointAgainstForgedTokensAndAnotherMember() {
        return MATRIX.stream().filter(this::runs).map(row -> DynamicTest.dynamicTest(row.method() + " " + row.path()
                + (row.body() == null ? "" : " " + row.body()), () -> {
            Map<String, Integer> expected = new LinkedHashMap<>();
            Map<String, Integer> actual = new LinkedHashMap<>();
            World world = newWorld(isFullStack());
            Who owner = world.callers().get(Caller.OWNER);
            Map<String, String> forged = Map.of("expired", api().tokens().expired(owner),
                    "signed with another key", api().tokens().signedWithAnotherSecret(owner),
                    "alg none", api().tokens().unsigned(owner));
            forged.forEach((kind, token) -> {
                ApiResponse response = api().sendWithToken(row.method(), world.path(row.path()), token,
                        world.path(row.body()), Map.of());
                expected.put(kind, row.expected().get(Caller.ANONYMOUS));
                actual.put(kind, response.status());
            });
            World own = newWorld(isFullStack());
            Who member = Who.newUser("member").inOrg(own.callers().get(Caller.OWNER).org());
            ApiResponse response = api().send(row.method(), own.path(row.path()), member, own.path(row.body()), Map.of());
            expected.put("another member", MEMBER_DIFFERS.getOrDefault(row.method() + " " + row.path(),
                    row.expected().get(Caller.OWNER)));
            actual.put("another member", response.status());
            if (response.status() >= 400) {
                problem(response, response.status());
            }
            assertThat(actual).as(row.method() + " " + row.path() + (row.body() == null ? "" : " " + row.body()))
                    .isEqualTo(expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAgainstEveryCaller() {
        return MATRIX.stream().filter(this::runs).map(row -> DynamicTest.dynamicTest(row.method() + " " + row.path()
                + (row.body() == null ? "" : " " + row.body()), () -> {
            World world = newWorld(isFullStack());
            Map<Caller, Integer> actual = new LinkedHashMap<>();
            for (Caller caller : Caller.values()) {
                ApiResponse response = api().send(row.method(), world.path(row.path()), world.callers().get(caller),
                        world.path(row.body()), Map.of());
                actual.put(caller, response.status());
                if (response.status() >= 400) {
                    problem(response, response.status());
                }
            }
            assertThat(actual).as(row.method() + " " + row.path() + (row.body() == null ? "" : " " + row.body()))
                    .isEqualTo(row.expected());
        }));
    }
}
