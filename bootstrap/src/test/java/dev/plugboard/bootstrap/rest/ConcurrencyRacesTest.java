package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiContract;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The races a control plane must win, with many threads at once through real HTTP on PostgreSQL:
 * the plan limit, optimistic locking with {@code If-Match}, install against uninstall, many workers
 * claiming, and a global disable during a burst of starts. Every thread starts at a barrier, so the
 * requests really overlap.
 */
class ConcurrencyRacesTest extends ApiContract {

    private static final int THREADS = 8;
    private static ExecutorService pool;

    @BeforeAll
    static void threads() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stopThreads() {
        pool.shutdownNow();
    }

    @Override
    protected ApiTarget target() {
        return FullStackServer.shared();
    }

    /** Runs {@code task} on {@link #THREADS} threads released together; answers each one's result. */
    private static <T> List<T> together(int threads, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<T> work = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return work.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private String register(String prefix) {
        String name = Who.unique(prefix);
        ContractPlugins.register(api(), Who.newAdmin(), ContractPlugins.minimal(name, "contract-races"));
        return name;
    }

    /** A fresh external plugin (its runs wait for a worker), installed for {@code owner}. */
    private String installedExternal(String prefix, Who owner) {
        String plugin = Who.unique(prefix);
        ContractPlugins.register(api(), Who.newAdmin(), ContractPlugins.external(plugin, "contract.unused"));
        install(owner, plugin, "{\"settings\": {\"endpoint\": \"https://example.test\"}}");
        return plugin;
    }

    @Test
    void givenOneInstallationLeftOnThePlan_parallelInstalls_exactlyOneSucceeds() throws Exception {
        Who owner = Who.newUser("racer"); // plan free: 5 installations
        for (int i = 0; i < 4; i++) {
            install(owner, register("race-quota"), null);
        }
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            candidates.add(register("race-last"));
        }

        List<ApiResponse> answers = together(THREADS, i -> () -> api().post(installPath(candidates.get(i)), owner));

        assertThat(answers).filteredOn(r -> r.status() == 201).as(answers.toString()).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() != 201).allSatisfy(refused -> {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.json().path("code").asText()).isEqualTo("plan_limit_exceeded");
        });
        assertThat(ok(api().get("/api/user/plugins?limit=50", owner), 200).path("items")).hasSize(5);
    }

    @Test
    void givenOneETag_parallelPuts_exactlyOneWins_andTheOthersGet412() throws Exception {
        String plugin = Who.unique("race-etag");
        ContractPlugins.register(api(), Who.newAdmin(), ContractPlugins.external(plugin, "contract.unused"));
        Who owner = Who.newUser("racer");
        install(owner, plugin, "{\"settings\": {\"endpoint\": \"https://example.test/0\"}}");
        String etag = api().get("/api/user/plugins/" + plugin, owner).header("ETag");

        List<ApiResponse> answers = together(THREADS, i -> () -> api().put("/api/user/plugins/" + plugin + "/config", owner,
                "{\"settings\": {\"endpoint\": \"https://example.test/" + (i + 1) + "\"}}", Map.of("If-Match", etag)));

        List<ApiResponse> won = answers.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).as(answers.toString()).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() != 200).allSatisfy(lost -> problem(lost, 412));
        JsonNode stored = ok(api().get("/api/user/plugins/" + plugin, owner), 200);
        assertThat(stored.path("settings").path("endpoint").asText()).as("the winner's value is the one kept")
                .isEqualTo(won.get(0).json().path("settings").path("endpoint").asText());
    }

    @Test
    void givenParallelInstallsAndUninstalls_ofOnePlugin_theFinalStateAgreesWithTheLastAcknowledgedChange() throws Exception {
        String plugin = register("race-toggle");
        Who owner = Who.newUser("racer");

        List<ApiResponse> answers = together(THREADS, i -> () -> i % 2 == 0
                ? api().post(installPath(plugin), owner)
                : api().post("/api/user/plugins/" + plugin + "/uninstall", owner));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString())
                .isIn(201, 204, 404, 409));
        assertThat(answers).as("at least the first install got through").anySatisfy(a -> assertThat(a.status()).isEqualTo(201));
        int installedNow = api().get("/api/user/plugins/" + plugin, owner).status();
        assertThat(installedNow).isIn(200, 404);
        // Replay the acknowledged changes in the audit trail's order: they must end where the database is.
        JsonNode audit = ok(api().get("/api/admin/audit?target=" + "installation:" + owner.owner() + "/" + plugin
                + "&limit=100", Who.newAdmin()), 200).path("items");
        List<String> actions = new ArrayList<>();
        audit.forEach(entry -> {
            if (entry.path("outcome").asText().equals("success")) {
                actions.add(0, entry.path("action").asText()); // newest first → oldest first
            }
        });
        long installs = answers.stream().filter(a -> a.status() == 201).count();
        long uninstalls = answers.stream().filter(a -> a.status() == 204).count();
        assertThat(actions.stream().filter(a -> a.equals("install")).count())
                .as(actions.toString()).isEqualTo(installs);
        assertThat(actions.stream().filter(a -> a.equals("uninstall")).count()).as(actions.toString()).isEqualTo(uninstalls);
        assertThat(installs - uninstalls).as("each uninstall follows an install").isIn(0L, 1L);
        assertThat(installedNow == 200).as("installed now iff more installs than uninstalls were acknowledged")
                .isEqualTo(installs - uninstalls == 1);
    }

    @Test
    void givenManyWorkersClaimingAtOnce_eachRunIsClaimedByExactlyOne() throws Exception {
        Who owner = Who.newUser("racer").onPlan("enterprise");
        String plugin = installedExternal("race-claim", owner);
        Set<String> queued = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            queued.add(startRun(owner, plugin).path("id").asText());
        }

        List<List<String>> claims = together(THREADS, i -> () -> {
            Who worker = Who.newUser("worker").withRoles("worker");
            List<String> mine = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                JsonNode runs = ok(api().post("/api/worker/runs/claim", worker, "{\"plugins\": [\"" + plugin
                        + "\"], \"max\": 3, \"leaseSeconds\": 60}"), 200).path("runs");
                runs.forEach(run -> mine.add(run.path("id").asText()));
            }
            return mine;
        });

        List<String> all = claims.stream().flatMap(List::stream).toList();
        assertThat(all).as("no run claimed twice").doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).as("every queued run claimed once").isEqualTo(queued);
    }

    @Test
    void givenAGlobalDisableDuringABurstOfStarts_noRunIsQueuedAfterTheDisableWasAcknowledged() throws Exception {
        Who owner = Who.newUser("racer").onPlan("enterprise");
        String plugin = installedExternal("race-disable", owner);
        Instant[] acknowledged = new Instant[1];

        List<List<Instant>> accepted = together(THREADS, i -> () -> {
            List<Instant> queuedAt = new ArrayList<>();
            if (i == 0) {
                Thread.sleep(50);
                ok(api().post("/api/admin/plugins/" + plugin + "/disable", Who.newAdmin()), 200);
                acknowledged[0] = Instant.now();
                return queuedAt;
            }
            for (int n = 0; n < 15; n++) {
                ApiResponse started = api().post("/api/user/plugins/" + plugin + "/runs", owner, "{\"input\": {}}");
                if (started.status() == 202) {
                    queuedAt.add(Instant.parse(started.json().path("createdAt").asText()));
                } else {
                    assertThat(started.status()).as(started.toString()).isIn(403, 409, 422, 429);
                }
            }
            return queuedAt;
        });

        List<Instant> created = accepted.stream().flatMap(List::stream).toList();
        assertThat(acknowledged[0]).isNotNull();
        assertThat(created).as("runs queued (the server's clock) no later than the disable's acknowledgement")
                .allSatisfy(at -> assertThat(at).isBeforeOrEqualTo(acknowledged[0]));
        ApiResponse after = api().post("/api/user/plugins/" + plugin + "/runs", owner, "{\"input\": {}}");
        assertThat(after.status()).as(after.toString()).isNotEqualTo(202);
    }
}
