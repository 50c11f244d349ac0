package dev.plugboard.application.port.in.state;

import dev.plugboard.application.port.in.ProgressListener;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.settings.JsonDocument;

import java.util.List;
import java.util.Optional;

/**
 * Plugboard's state as one document, to keep in git or move between databases: the global
 * switches, installations with their settings and per-environment overrides, and workflows. Secrets appear
 * only as references ({@code ${env:NAME}}, {@code ${file:path}}); applying resolves them.
 */
public interface DeclarativeStateUseCase {

    /** The task name an apply's progress is told under. */
    String APPLY_TASK = "apply state";

    /** Resolves a reference's value: {@code kind} is {@code env} or {@code file}; empty when it names nothing. */
    interface References {
        Optional<String> resolve(String kind, String name);

        /** Why this caller may not use references of {@code kind} at all (each such reference is a problem); empty when it may. */
        default Optional<String> refusal(String kind) {
            return Optional.empty();
        }
    }

    /** @param owner only this owner's installations (and no switches) when present */
    record ExportCommand(Optional<Owner> owner) {
        public ExportCommand {
            owner = owner == null ? Optional.empty() : owner;
        }
    }

    /** The state, and what a person should know about it (secrets written as placeholder references). */
    record Exported(JsonDocument state, List<String> warnings) {
        public Exported {
            Require.present("state", state);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param prune    also uninstall the installations the document does not name (of its {@code owner}
     *                 when it names one, else of every owner)
     * @param progress told after each change made: task {@link DeclarativeStateUseCase#APPLY_TASK}, of how many changes
     */
    record ApplyCommand(Actor actor, JsonDocument state, boolean dryRun, boolean prune, References references,
                        ProgressListener progress) {
        public ApplyCommand {
            Require.present("actor", actor);
            Require.present("state", state);
            Require.present("references", references);
            progress = progress == null ? ProgressListener.NONE : progress;
        }

        public ApplyCommand(Actor actor, JsonDocument state, boolean dryRun, boolean prune, References references) {
            this(actor, state, dryRun, prune, references, ProgressListener.NONE);
        }
    }

    /**
     * What the apply changed (or, in a dry run, would change), one line each: {@code + install ...};
     * and what the document names that already matches ({@code = workflow ...}).
     */
    record ApplyReport(boolean dryRun, List<String> changes, List<String> unchanged) {
        public ApplyReport {
            changes = List.copyOf(changes);
            unchanged = List.copyOf(unchanged);
        }

        public ApplyReport(boolean dryRun, List<String> changes) {
            this(dryRun, changes, List.of());
        }
    }

    Exported export(ExportCommand command);

    /**
     * Makes the database match the document in one transaction; nothing at all when any reference or
     * setting is bad.
     *
     * @throws StateProblemsException naming every problem found
     */
    ApplyReport apply(ApplyCommand command);
}
