package dev.plugboard.bootstrap.console;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase;
import dev.plugboard.application.port.in.catalog.RegisterPluginUseCase.RegisterPluginCommand;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleIdentity;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.port.in.workflow.ManageWorkflowsUseCase;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.bootstrap.rest.FullStackServer;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's authorization matrix, which covers itself: every console route the server serves
 * must have a row here (a new page without one fails the build), and each is called, over real HTTP
 * with real sessions, by nobody, by a signed-in user without the form's CSRF token, by another user,
 * by the owner of the resource and by an administrator. Nobody goes to sign-in; a change without the
 * token is 403; administration is 403 for users; another owner's run or workflow is 404.
 */
class ConsoleAuthorizationMatrixTest {

    enum Access { PUBLIC, SIGNED_IN, ADMIN }

    private static final Map<String, Access> ROUTES = Map.ofEntries(
            entry("GET /console/sign-in", Access.PUBLIC),
            entry("GET /console/oidc/sign-in", Access.PUBLIC),
            entry("GET /console/oidc/callback", Access.PUBLIC),
            entry("POST /console/sign-in", Access.PUBLIC),
            entry("POST /console/sign-out", Access.SIGNED_IN),
            entry("GET /console", Access.SIGNED_IN),
            entry("POST /console/acting", Access.SIGNED_IN),
            entry("GET /console/analytics/widget", Access.SIGNED_IN),
            entry("GET /console/plugins", Access.SIGNED_IN),
            entry("GET /console/plugins/{name}", Access.SIGNED_IN),
            entry("POST /console/plugins/{name}/install", Access.SIGNED_IN),
            entry("GET /console/my-plugins", Access.SIGNED_IN),
            entry("GET /console/my-plugins/{name}/settings", Access.SIGNED_IN),
            entry("POST /console/my-plugins/{name}/settings", Access.SIGNED_IN),
            entry("POST /console/my-plugins/{name}/toggle", Access.SIGNED_IN),
            entry("POST /console/my-plugins/{name}/uninstall", Access.SIGNED_IN),
            entry("GET /console/runs", Access.SIGNED_IN),
            entry("GET /console/runs/new", Access.SIGNED_IN),
            entry("POST /console/runs", Access.SIGNED_IN),
            entry("GET /console/runs/{id}", Access.SIGNED_IN),
            entry("POST /console/runs/{id}/cancel", Access.SIGNED_IN),
            entry("GET /console/circuits", Access.SIGNED_IN),
            entry("GET /console/workflows", Access.SIGNED_IN),
            entry("GET /console/workflows/{slug}", Access.SIGNED_IN),
            entry("POST /console/workflows/{slug}/status", Access.SIGNED_IN),
            entry("POST /console/workflows/{slug}/run", Access.SIGNED_IN),
            entry("GET /console/workflows/runs/{id}", Access.SIGNED_IN),
            entry("GET /console/workflows/{slug}/edit", Access.SIGNED_IN),
            entry("POST /console/workflows/{slug}/edit", Access.SIGNED_IN),
            entry("POST /console/workflows/{slug}/edit/test", Access.SIGNED_IN),
            entry("GET /console/admin", Access.ADMIN),
            entry("POST /console/admin/plugins/{name}/switch", Access.ADMIN),
            entry("POST /console/admin/plugins/{name}/approve", Access.ADMIN),
            entry("POST /console/admin/plugins/{name}/reject", Access.ADMIN),
            entry("GET /console/admin/sync", Access.ADMIN),
            entry("POST /console/admin/sync", Access.ADMIN),
            entry("GET /console/admin/health", Access.ADMIN),
            entry("POST /console/admin/health/alerts/{id}/{action}", Access.ADMIN));

    /**
     * Routes on one owner's resource: any other signed-in user, administrators included, gets 404.
     * (A plugin's settings page is not one: for someone who has not installed it, it is the install form.)
     */
    private static final Set<String> OWNED = Set.of("GET /console/runs/{id}", "POST /console/runs/{id}/cancel",
            "GET /console/workflows/{slug}", "POST /console/workflows/{slug}/status", "POST /console/workflows/{slug}/run",
            "GET /console/workflows/runs/{id}", "GET /console/workflows/{slug}/edit",
            "POST /console/workflows/{slug}/edit", "POST /console/workflows/{slug}/edit/test",
            "POST /console/my-plugins/{name}/toggle",
            "POST /console/my-plugins/{name}/uninstall");

    /**
     * Served only when an OpenID provider is configured, which the shared server has not: their
     * callers are tested by OidcSignInFullStackTest, which configures one.
     */
    private static final Set<String> WHEN_CONFIGURED = Set.of("GET /console/oidc/sign-in", "GET /console/oidc/callback");

    private static final String SWITCHED = "console-mx-switched";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static java.nio.file.Path folder;
    private static FullStackServer server;

    /** A server of its own without the rate limit: hundreds of anonymous requests from one address would meet 429s. */
    @BeforeAll
    static void server() {
        folder = FullStackServer.newFolder("plugboard-console-matrix");
        server = FullStackServer.start(folder, Map.of("plugboard.rate-limit.enabled", false));
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
        if (server != null) {
            server.application().close();
        }
        FullStackServer.delete(folder);
    }

    @Test
    void givenEveryConsoleRouteTheServerServes_eachHasARowInTheAccessTable_andEveryRowIsServed() {
        Set<String> served = served();
        assertThat(served).as("console routes without a row in the access table: add one").isSubsetOf(ROUTES.keySet());
        Set<String> rows = new TreeSet<>(ROUTES.keySet());
        rows.removeAll(WHEN_CONFIGURED);
        assertThat(rows).as("rows for routes the server does not serve").isSubsetOf(served);
    }

    private static Set<String> served() {
        Set<String> served = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : bean(Router.class).uriRoutes().map(r -> (UriRouteInfo<?, ?>) r).toList()) {
            String template = route.getUriMatchTemplate().toString();
            // HEAD answers as GET does: the GET row covers it.
            if (template.startsWith("/console") && !template.startsWith("/console/static") && !template.startsWith("/console/webjars")
                    && route.getHttpMethod() != HttpMethod.HEAD) {
                served.add(route.getHttpMethod() + " " + template);
            }
        }
        return served;
    }

    @TestFactory
    Stream<DynamicTest> everyConsoleRouteAgainstEveryKindOfCaller() {
        Set<String> served = served();
        return ROUTES.keySet().stream().filter(served::contains).sorted().map(route -> DynamicTest.dynamicTest(route, () -> {
            String method = route.substring(0, route.indexOf(' '));
            String owner = "console-mx-" + UUID.randomUUID().toString().substring(0, 8);
            String path = concrete(route.substring(route.indexOf(' ') + 1), fixtures(owner));
            Access access = ROUTES.get(route);
            if (access == Access.PUBLIC) {
                // Open to anyone: answered, not sent to sign-in (a sign-in without a valid link is its own 401).
                HttpResponse<String> anyone = send(method, path, null, false);
                assertThat(anyone.statusCode()).as("%s by nobody", route).isLessThan(500).isNotEqualTo(403);
                assertThat(anyone.headers().firstValue("Location").orElse("")).as("%s by nobody", route)
                        .doesNotStartWith("/console/sign-in?next");
                return;
            }
            HttpResponse<String> nobody = send(method, path, null, false);
            assertThat(nobody.statusCode()).as("%s by nobody", route).isEqualTo(303);
            assertThat(nobody.headers().firstValue("Location").orElse("")).startsWith("/console/sign-in");
            if (!method.equals("GET")) {
                assertThat(send(method, path, signIn(owner, Set.of()), false).statusCode())
                        .as("%s without the CSRF token", route).isEqualTo(403);
            }
            Session other = signIn("console-mx-other-" + UUID.randomUUID().toString().substring(0, 8), Set.of());
            int otherStatus = send(method, path, other, true).statusCode();
            if (access == Access.ADMIN) {
                assertThat(otherStatus).as("%s by a user", route).isEqualTo(403);
            } else if (OWNED.contains(route)) {
                assertThat(otherStatus).as("%s by another user", route).isEqualTo(404);
            }
            int ownerStatus = send(method, path, signIn(owner, Set.of()), true).statusCode();
            int adminStatus = send(method, path, signIn("console-mx-admin-" + UUID.randomUUID().toString().substring(0, 8),
                    Set.of(Role.ADMIN)), true).statusCode();
            if (access == Access.ADMIN) {
                // 404 only for the alert, which does not exist: the refusal shows the administrator got past the check.
                assertThat(adminStatus).as("%s by an administrator", route).isLessThan(500).isNotIn(401, 403);
            } else {
                assertThat(ownerStatus).as("%s by its owner", route).isLessThan(500).isNotIn(401, 403, 404);
                assertThat(adminStatus).as("%s by an administrator", route).isLessThan(500).isNotIn(401, 403);
            }
        }));
    }

    @Test
    void givenAPathThatClimbsOutOfThePublicFolders_itIsNoWayPastSignIn() {
        for (String path : List.of("/console/static/../admin", "/console/static/%2e%2e/admin", "/console/webjars/../admin/sync",
                "/console/static/..%2fadmin", "/console/sign-in/../admin")) {
            HttpResponse<String> response = send("GET", path, null, false);
            assertThat(response.statusCode()).as(path).isNotEqualTo(200).isLessThan(500);
            assertThat(response.body()).as(path).doesNotContain("Catalog sync").doesNotContain("Audit trail");
        }
    }

    /** An owner with an installation, a run that waits (its plugin is external) and a workflow; values by parameter. */
    private static Map<String, String> fixtures(String owner) {
        String external = "console-mx-ext";
        registerOnce(external);
        registerOnce(SWITCHED);
        Caller caller = Caller.user(owner, null);
        bean(InstallPluginUseCase.class).install(new InstallPluginCommand(caller, PluginName.of(external), Optional.empty(), Optional.empty()));
        String run = bean(StartRunUseCase.class).start(new StartRunCommand(caller, PluginName.of(external),
                JsonDocument.parse("{}"), RunTrigger.MANUAL, Optional.empty())).id().value().toString();
        bean(ManageWorkflowsUseCase.class).create(WorkflowActor.of(caller), Map.of("name", "Matrix flow", "slug", "matrix-flow",
                "steps", List.of(Map.of("order", 0, "plugin", external, "inputMapping", Map.of("text", "hi")))));
        String workflowRun = bean(dev.plugboard.application.port.in.workflow.RunWorkflowsUseCase.class)
                .run(WorkflowActor.of(caller), "matrix-flow", Map.of()).id().toString();
        return Map.of("name", external, "slug", "matrix-flow", "run", run, "workflowRun", workflowRun,
                "alert", UUID.randomUUID().toString(), "action", "acknowledge");
    }

    /** An external plugin (its runs wait for a worker), registered once for the shared server. */
    private static void registerOnce(String name) {
        if (bean(dev.plugboard.application.port.in.catalog.BrowseCatalogUseCase.class).list(
                dev.plugboard.application.port.out.CatalogFilter.ALL, dev.plugboard.application.port.PageRequest.first(200))
                .items().stream().noneMatch(plugin -> plugin.name().value().equals(name))) {
            bean(RegisterPluginUseCase.class).register(new RegisterPluginCommand(Actor.operator("console-test"),
                    PluginManifest.builder(name, "1.0.0").displayName("Console matrix").execution(ExecutionPolicy.external()).build()));
        }
    }

    private static String concrete(String template, Map<String, String> values) {
        String path = template;
        if (path.startsWith("/console/admin/plugins/")) {
            // The administrator's switch really switches: on a plugin of its own, not the one the fixtures install.
            path = path.replace("{name}", SWITCHED);
        }
        if (path.startsWith("/console/workflows/runs/")) {
            path = path.replace("{id}", values.get("workflowRun"));
        } else if (path.startsWith("/console/admin/health/alerts/")) {
            path = path.replace("{id}", values.get("alert"));
        }
        return path.replace("{id}", values.get("run")).replace("{name}", values.get("name"))
                .replace("{slug}", values.get("slug")).replace("{action}", values.get("action"));
    }

    private record Session(String cookie, String csrf) {
    }

    private static Session signIn(String user, Set<Role> roles) {
        String link = bean(ConsoleSignInUseCase.class).issueLink(new ConsoleIdentity(user, Optional.empty(), roles)).secret();
        HttpResponse<String> exchanged = exchange(HttpRequest.newBuilder(uri("/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("link=" + link)).build());
        String cookie = exchanged.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("plugboard_console=")).findFirst()
                .map(value -> value.substring(0, value.indexOf(';'))).orElseThrow(() -> new AssertionError(
                        "signing in as " + user + " set no session cookie: " + exchanged.statusCode()));
        HttpResponse<String> home = exchange(HttpRequest.newBuilder(uri("/console")).header("Cookie", cookie).GET().build());
        Matcher csrf = CSRF.matcher(home.body());
        assertThat(csrf.find()).as("the home page holds the CSRF token").isTrue();
        return new Session(cookie, csrf.group(1));
    }

    private static HttpResponse<String> send(String method, String path, Session session, boolean withCsrf) {
        // A form with a field no route reads: an empty one would be refused (400) before the access check.
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, method.equals("GET")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("matrix=1"));
        if (!method.equals("GET")) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (session != null) {
            request.header("Cookie", session.cookie());
            if (withCsrf) {
                request.header("X-CSRF-Token", session.csrf());
            }
        }
        return exchange(request.build());
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static URI uri(String path) {
        return URI.create(server.baseUrl().toString().replaceAll("/$", "") + path);
    }

    private static <T> T bean(Class<T> type) {
        return server.application().context().getBean(type);
    }
}
