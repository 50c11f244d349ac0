package dev.plugboard.bootstrap.durability;

import java.util.List;

/**
 * One write a writer sent, with the value it wrote. Acknowledged (a 2xx came back) it also carries
 * what the answer said: the new version, the run's id. In doubt (no answer, or a 503) those are
 * unknown: -1 and null. Each writer is one user, so writes to one resource never interleave.
 */
sealed interface Write {

    /** The installation or workflow the write changes, or the idempotency key it creates a run under. */
    String target();

    /** {@code POST /api/user/plugins/{plugin}/install} with settings {@code {"endpoint": endpoint}}. */
    record Install(String plugin, String endpoint, long version) implements Write {
        public String target() {
            return "installation:" + plugin;
        }
    }

    /** {@code PUT /api/user/plugins/{plugin}/config} with {@code If-Match}. */
    record Configure(String plugin, String endpoint, long version) implements Write {
        public String target() {
            return "installation:" + plugin;
        }
    }

    /** {@code POST /api/user/plugins/{plugin}/toggle}. */
    record Toggle(String plugin, boolean enabled, long version) implements Write {
        public String target() {
            return "installation:" + plugin;
        }
    }

    /** {@code POST /api/user/plugins/{plugin}/runs} with {@code {"input": {"n": n}, "idempotencyKey": key}}. */
    record StartRun(String plugin, String key, int n, String runId) implements Write {
        public String target() {
            return "run:" + key;
        }
    }

    /** {@code POST /api/events} with an idempotency key; the runs it queued, one per subscribed installation. */
    record Publish(String key, int n, List<String> runIds) implements Write {
        public String target() {
            return "event:" + key;
        }
    }

    /** {@code POST} (version 1) or {@code PUT} with {@code If-Match} of {@code /api/user/workflows/{slug}}. */
    record SaveWorkflow(String slug, String plugin, String description, long version) implements Write {
        public String target() {
            return "workflow:" + slug;
        }
    }
}
