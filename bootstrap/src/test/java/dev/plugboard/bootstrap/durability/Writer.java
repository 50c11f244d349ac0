package dev.plugboard.bootstrap.durability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One user writing as fast as the server answers, one request at a time: installs, settings
 * {@code PUT}s with {@code If-Match}, toggles, runs and events with idempotency keys, workflow saves.
 * Every acknowledged write (the expected 2xx) is recorded with its value. The first write without
 * one (no answer, a 503, anything else) ends the writer and is kept as the write in doubt.
 */
final class Writer implements Runnable {

    static final String EVENT = "durable.ping";

    final Who who;
    final List<Write> acknowledged = new ArrayList<>();
    volatile Write inDoubt;
    /** Why the writer stopped: "stopped", "no answer", "503", or the unexpected response. */
    volatile String ending = "running";
    volatile boolean unexpected;

    private final ApiClient api;
    private final Random random;
    private final List<String> catalog;
    private final AtomicInteger total;
    private final AtomicBoolean stop;
    private final Map<String, String> installed = new LinkedHashMap<>(); // plugin -> ETag
    private final Map<String, Boolean> enabled = new HashMap<>();
    private final Map<String, String> workflows = new LinkedHashMap<>(); // slug -> ETag
    private int seq;

    Writer(ApiClient api, long seed, List<String> catalog, AtomicInteger total, AtomicBoolean stop) {
        this.who = Who.newUser("durable").onPlan("pro");
        this.api = api;
        this.random = new Random(seed);
        this.catalog = catalog;
        this.total = total;
        this.stop = stop;
    }

    @Override
    public void run() {
        while (step()) {
            if (stop.get()) {
                ending = "stopped";
                return;
            }
        }
    }

    private boolean step() {
        seq++;
        List<String> available = catalog.stream().filter(plugin -> !installed.containsKey(plugin)).toList();
        if (installed.isEmpty() || (!available.isEmpty() && random.nextInt(8) == 0)) {
            return install(available.get(random.nextInt(available.size())));
        }
        List<String> plugins = List.copyOf(installed.keySet());
        int dice = random.nextInt(100);
        if (dice < 30) {
            return configure(plugins.get(random.nextInt(plugins.size())));
        }
        if (dice < 45 && plugins.size() > 1) {
            // Never the first: workflows use it, and runs always have it enabled.
            return toggle(plugins.get(1 + random.nextInt(plugins.size() - 1)));
        }
        if (dice < 70) {
            List<String> on = plugins.stream().filter(enabled::get).toList();
            return startRun(on.get(random.nextInt(on.size())));
        }
        if (dice < 85) {
            return publish();
        }
        return saveWorkflow(plugins.get(0));
    }

    private boolean install(String plugin) {
        String endpoint = value();
        return send(new Write.Install(plugin, endpoint, -1), "POST", "/api/user/plugins/" + plugin + "/install",
                "{\"settings\": {\"endpoint\": \"" + endpoint + "\"}}", Map.of(), 201, response -> {
                    installed.put(plugin, response.header("ETag"));
                    enabled.put(plugin, true);
                    return new Write.Install(plugin, endpoint, version(response));
                });
    }

    private boolean configure(String plugin) {
        String endpoint = value();
        return send(new Write.Configure(plugin, endpoint, -1), "PUT", "/api/user/plugins/" + plugin + "/config",
                "{\"settings\": {\"endpoint\": \"" + endpoint + "\"}}", Map.of("If-Match", installed.get(plugin)), 200,
                response -> {
                    installed.put(plugin, response.header("ETag"));
                    return new Write.Configure(plugin, endpoint, version(response));
                });
    }

    private boolean toggle(String plugin) {
        boolean on = !enabled.get(plugin);
        return send(new Write.Toggle(plugin, on, -1), "POST", "/api/user/plugins/" + plugin + "/toggle",
                "{\"enabled\": " + on + "}", Map.of(), 200, response -> {
                    installed.put(plugin, response.header("ETag"));
                    enabled.put(plugin, on);
                    return new Write.Toggle(plugin, on, version(response));
                });
    }

    private boolean startRun(String plugin) {
        String key = who.user() + "-run-" + seq;
        int n = seq;
        return send(new Write.StartRun(plugin, key, n, null), "POST", runPath(plugin), runBody(key, n), Map.of(), 202,
                response -> new Write.StartRun(plugin, key, n, response.json().path("id").asText()));
    }

    private boolean publish() {
        String key = who.user() + "-event-" + seq;
        int n = seq;
        return send(new Write.Publish(key, n, null), "POST", "/api/events", eventBody(key, n), Map.of(), 202,
                response -> new Write.Publish(key, n, runIds(response.json())));
    }

    private boolean saveWorkflow(String plugin) {
        String description = value();
        if (workflows.isEmpty() || random.nextInt(4) == 0) {
            String slug = who.user() + "-wf-" + seq;
            return send(new Write.SaveWorkflow(slug, plugin, description, -1), "POST", "/api/user/workflows",
                    workflowBody(slug, plugin, description), Map.of(), 201, response -> saved(response, slug, plugin, description));
        }
        List<String> slugs = List.copyOf(workflows.keySet());
        String slug = slugs.get(random.nextInt(slugs.size()));
        return send(new Write.SaveWorkflow(slug, plugin, description, -1), "PUT", "/api/user/workflows/" + slug,
                workflowBody(slug, plugin, description), Map.of("If-Match", workflows.get(slug)), 200,
                response -> saved(response, slug, plugin, description));
    }

    private Write saved(ApiResponse response, String slug, String plugin, String description) {
        workflows.put(slug, response.header("ETag"));
        return new Write.SaveWorkflow(slug, plugin, description, version(response));
    }

    private boolean send(Write attempt, String method, String path, String body, Map<String, String> headers,
                         int expected, Function<ApiResponse, Write> onAcknowledged) {
        ApiResponse response;
        try {
            response = api.send(method, path, who, body, headers);
        } catch (AssertionError e) {
            if (!(e.getCause() instanceof IOException)) {
                throw e;
            }
            inDoubt = attempt;
            ending = "no answer";
            return false;
        }
        if (response.status() == expected) {
            acknowledged.add(onAcknowledged.apply(response));
            total.incrementAndGet();
            return true;
        }
        inDoubt = attempt;
        unexpected = response.status() != 503;
        ending = response.status() == 503 ? "503" : response.toString();
        return false;
    }

    private String value() {
        return who.user() + "-v" + seq;
    }

    private static long version(ApiResponse response) {
        return response.json().path("version").asLong(-1);
    }

    static List<String> runIds(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.path("runs").forEach(run -> ids.add(run.path("id").asText()));
        return ids;
    }

    static String runPath(String plugin) {
        return "/api/user/plugins/" + plugin + "/runs";
    }

    static String runBody(String key, int n) {
        return "{\"input\": {\"n\": " + n + "}, \"idempotencyKey\": \"" + key + "\"}";
    }

    static String eventBody(String key, int n) {
        return "{\"type\": \"" + EVENT + "\", \"data\": {\"n\": " + n + "}, \"idempotencyKey\": \"" + key + "\"}";
    }

    private static String workflowBody(String slug, String plugin, String description) {
        return """
                {"name": "Durable %s", "slug": "%s", "description": "%s",
                 "steps": [{"order": 0, "name": "first", "plugin": "%s", "inputMapping": {"text": "{{ trigger.data.text }}"}}]}"""
                .formatted(slug, slug, description, plugin);
    }
}
