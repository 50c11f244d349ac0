package dev.plugboard.domain.audit;

import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One operation in the audit trail: who did what to which target, when, with what outcome, and
 * the state before and after. Secrets are redacted before an entry is made.
 *
 * @param target what was acted on, e.g. {@code plugin:analytics} or {@code installation:user:alice/analytics}
 * @param detail a sentence for people: the error message of a failure, a summary of a sync
 * @param environment the environment of the server or CLI that made the entry ({@code default} unless set)
 */
public record AuditEntry(UUID id, Instant at, Actor actor, AuditAction action, String target, Outcome outcome,
                         Optional<JsonDocument> before, Optional<JsonDocument> after, String detail,
                         String environment) {

    /** Whether the operation took effect. */
    public enum Outcome { SUCCESS, FAILURE }

    public AuditEntry {
        Require.present("audit id", id);
        Require.present("audit time", at);
        Require.present("actor", actor);
        Require.present("action", action);
        target = Require.nonBlank("target", target);
        Require.present("outcome", outcome);
        Require.present("before", before);
        Require.present("after", after);
        detail = detail == null ? "" : detail;
        environment = environment == null || environment.isBlank() ? "default" : environment;
    }

    /** An entry made in the default environment. */
    public AuditEntry(UUID id, Instant at, Actor actor, AuditAction action, String target, Outcome outcome,
                      Optional<JsonDocument> before, Optional<JsonDocument> after, String detail) {
        this(id, at, actor, action, target, outcome, before, after, detail, "default");
    }

    public static String pluginTarget(String plugin) {
        return "plugin:" + plugin;
    }

    public static String installationTarget(String owner, String plugin) {
        return "installation:" + owner + "/" + plugin;
    }

    public static String runTarget(String run) {
        return "run:" + run;
    }
}
