package dev.plugboard.bootstrap.durability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.Who;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks every acknowledged write of some writers against what a (restarted) server now answers.
 * Lost: the resource is gone. Wrong: its value (or version) is not the last acknowledged one, nor
 * the one of the writer's write in doubt. Duplicates: two runs under one idempotency key, counted
 * after the writes in doubt, and the last acknowledged run and event of each writer, were sent
 * again with the same keys.
 */
final class DurabilityCheck {

    final Map<String, Integer> acknowledged = new TreeMap<>();
    final List<String> lost = new ArrayList<>();
    final List<String> wrong = new ArrayList<>();
    final List<String> duplicates = new ArrayList<>();
    int inDoubt;
    int retried;

    private final ApiClient api;

    DurabilityCheck(ApiClient api) {
        this.api = api;
    }

    /** The value of an installation after a sequence of writes. */
    private record Installation(String endpoint, boolean enabled, long version) {
        Installation then(Write write, long version) {
            if (write instanceof Write.Install install) {
                return new Installation(install.endpoint(), true, version);
            }
            if (write instanceof Write.Configure configure) {
                return new Installation(configure.endpoint(), enabled, version);
            }
            return write instanceof Write.Toggle toggle ? new Installation(endpoint, toggle.enabled(), version) : this;
        }
    }

    private record Workflow(String description, long version) {
    }

    DurabilityCheck check(List<Writer> writers) {
        for (Writer writer : writers) {
            retry(writer);
            check(writer);
        }
        return this;
    }

    private void retry(Writer writer) {
        List<Write> again = new ArrayList<>();
        if (writer.inDoubt instanceof Write.StartRun || writer.inDoubt instanceof Write.Publish) {
            again.add(writer.inDoubt);
        }
        writer.acknowledged.stream().filter(Write.StartRun.class::isInstance).reduce((a, b) -> b).ifPresent(again::add);
        writer.acknowledged.stream().filter(Write.Publish.class::isInstance).reduce((a, b) -> b).ifPresent(again::add);
        for (Write write : again) {
            ApiResponse answer = write instanceof Write.StartRun run
                    ? api.post(Writer.runPath(run.plugin()), writer.who, Writer.runBody(run.key(), run.n()))
                    : api.post("/api/events", writer.who, Writer.eventBody(((Write.Publish) write).key(), ((Write.Publish) write).n()));
            retried++;
            if (answer.status() != 202) {
                wrong.add("retry of " + write + " answered " + answer);
            } else if (write instanceof Write.StartRun run && run.runId() != null && !run.runId().equals(answer.json().path("id").asText())) {
                duplicates.add("retry of " + write + " gave another run: " + answer);
            } else if (write instanceof Write.Publish event && event.runIds() != null
                    && !(answer.json().path("duplicate").asBoolean() && event.runIds().equals(Writer.runIds(answer.json())))) {
                duplicates.add("retry of " + write + " was not the same delivery: " + answer);
            }
        }
    }

    private void check(Writer writer) {
        Map<String, Installation> installations = new LinkedHashMap<>();
        Map<String, Workflow> workflows = new LinkedHashMap<>();
        for (Write write : writer.acknowledged) {
            acknowledged.merge(write.getClass().getSimpleName(), 1, Integer::sum);
            if (write instanceof Write.Install w) {
                installations.put(w.plugin(), new Installation(null, true, 0).then(w, w.version()));
            } else if (write instanceof Write.Configure w) {
                installations.computeIfPresent(w.plugin(), (p, i) -> i.then(w, w.version()));
            } else if (write instanceof Write.Toggle w) {
                installations.computeIfPresent(w.plugin(), (p, i) -> i.then(w, w.version()));
            } else if (write instanceof Write.SaveWorkflow w) {
                workflows.put(w.slug(), new Workflow(w.description(), w.version()));
            } else if (write instanceof Write.StartRun w) {
                checkRun(writer.who, w.runId(), w.plugin(), w.key(), w.n());
            } else if (write instanceof Write.Publish w) {
                w.runIds().forEach(id -> checkRun(writer.who, id, null, "event:" + w.key() + ":", w.n()));
            }
        }
        Write doubt = writer.inDoubt;
        inDoubt += doubt == null ? 0 : 1;
        installations.forEach((plugin, expected) -> {
            JsonNode actual = read(writer.who, "/api/user/plugins/" + plugin, "installation " + plugin);
            if (actual != null) {
                Installation found = new Installation(actual.path("settings").path("endpoint").asText(),
                        actual.path("enabled").asBoolean(), actual.path("version").asLong());
                Installation alternative = doubt != null && doubt.target().equals("installation:" + plugin)
                        ? expected.then(doubt, expected.version() + 1) : expected;
                if (!found.equals(expected) && !found.equals(alternative)) {
                    wrong.add(writer.who.user() + " installation " + plugin + ": " + found + ", acknowledged " + expected
                            + (doubt == null ? "" : ", in doubt " + doubt));
                }
            }
        });
        workflows.forEach((slug, expected) -> {
            JsonNode actual = read(writer.who, "/api/user/workflows/" + slug, "workflow " + slug);
            if (actual != null) {
                Workflow found = new Workflow(actual.path("description").asText(), actual.path("version").asLong());
                boolean doubtful = doubt instanceof Write.SaveWorkflow save && save.slug().equals(slug)
                        && found.equals(new Workflow(save.description(), expected.version() + 1));
                if (!found.equals(expected) && !doubtful) {
                    wrong.add(writer.who.user() + " workflow " + slug + ": " + found + ", acknowledged " + expected);
                }
            }
        });
        countDuplicates(writer.who);
    }

    private void checkRun(Who who, String id, String plugin, String keyPrefix, int n) {
        JsonNode run = read(who, "/api/user/runs/" + id, "run " + id + " (" + keyPrefix + ")");
        if (run != null && (!run.path("idempotencyKey").asText().startsWith(keyPrefix)
                || (plugin != null && !plugin.equals(run.path("plugin").asText()))
                || n != (plugin == null ? run.path("input").path("data").path("n") : run.path("input").path("n")).asInt())) {
            wrong.add("run " + id + " is not the one acknowledged (" + keyPrefix + ", n " + n + "): " + run);
        }
    }

    /** The resource, or null after recording it lost (404) or the check failed (anything else). */
    private JsonNode read(Who who, String path, String what) {
        ApiResponse response = api.get(path, who);
        if (response.status() == 404) {
            lost.add(who.user() + " " + what);
            return null;
        }
        if (response.status() != 200) {
            wrong.add(who.user() + " " + what + " could not be read: " + response);
            return null;
        }
        return response.json();
    }

    private void countDuplicates(Who who) {
        Map<String, Integer> byKey = new HashMap<>();
        String next = null;
        do {
            ApiResponse page = api.get("/api/user/runs?limit=200"
                    + (next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8)), who);
            if (page.status() != 200) {
                wrong.add("runs of " + who.user() + " could not be listed: " + page);
                return;
            }
            page.json().path("items").forEach(run -> byKey.merge(run.path("idempotencyKey").asText(), 1, Integer::sum));
            next = page.json().path("next").isTextual() ? page.json().path("next").asText() : null;
        } while (next != null);
        byKey.forEach((key, count) -> {
            if (count > 1 && !Objects.equals(key, "")) {
                duplicates.add(who.user() + ": " + count + " runs with idempotency key " + key);
            }
        });
    }

    int acknowledgedTotal() {
        return acknowledged.values().stream().mapToInt(Integer::intValue).sum();
    }

    String summary() {
        return "acknowledged " + acknowledgedTotal() + " " + acknowledged + ", in doubt " + inDoubt + ", sent again "
                + retried + "; lost " + lost.size() + ", wrong " + wrong.size() + ", duplicates " + duplicates.size();
    }
}
