package dev.plugboard.application.port.in.catalog;

import dev.plugboard.application.port.in.ProgressListener;
import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.Require;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Re-reads the manifests (builtin and the plugins directory), plans what each one would do to the
 * catalog, and applies the plan: new plugins are added, changed ones updated (version changes
 * recorded), every plugin keeps the enabled state an administrator gave it. A dry run returns the
 * same plan and changes nothing. Downgrades, versions that break a dependent's range and takeovers
 * of another source's plugin are refused unless the command allows them.
 */
public interface SyncCatalogUseCase {

    /** The task name a sync's progress is told under. */
    String TASK = "sync plugins";

    /**
     * @param dryRun         plan only; store and audit nothing
     * @param allowDowngrade apply a manifest whose version is lower than the catalog's
     * @param force          apply a version outside a dependent's range (the dependent is reported
     *                       unsatisfied), and let the directory take over a plugin registered over
     *                       the API; never a builtin
     */
    record SyncOptions(boolean dryRun, boolean allowDowngrade, boolean force) {
        public static final SyncOptions DEFAULT = new SyncOptions(false, false, false);
    }

    /**
     * Sync from the configured sources, or from {@code directory} instead of the configured plugins directory.
     *
     * @param progress told after each plugin the sync stores: task {@link SyncCatalogUseCase#TASK}, of how many it will store
     */
    record SyncCatalogCommand(Actor actor, Optional<Path> directory, SyncOptions options, ProgressListener progress) {
        public SyncCatalogCommand {
            Require.present("actor", actor);
            directory = directory == null ? Optional.empty() : directory;
            options = options == null ? SyncOptions.DEFAULT : options;
            progress = progress == null ? ProgressListener.NONE : progress;
        }

        public SyncCatalogCommand(Actor actor, Optional<Path> directory, SyncOptions options) {
            this(actor, directory, options, ProgressListener.NONE);
        }

        public SyncCatalogCommand(Actor actor, Optional<Path> directory) {
            this(actor, directory, SyncOptions.DEFAULT);
        }
    }

    /**
     * What a manifest does to the catalog; {@code CHANGED} is the same version with other metadata,
     * {@code RETIRED} a directory plugin whose manifest is gone, {@code RESTORED} a retired one whose manifest is back.
     */
    enum Action {
        ADDED, UPGRADED, DOWNGRADED, SCHEMA_CHANGED, CHANGED, UNCHANGED, RETIRED, RESTORED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * One plugin's line of the plan.
     *
     * @param source        where the manifest comes from ({@code builtin}, {@code directory}, {@code api})
     * @param schemaChanged whether the settings schema differs from the catalog's
     * @param refusal       why the manifest is not applied (the action is what it would have done),
     *                      with what would allow it
     * @param notes         what else follows, e.g. dependents left unsatisfied by a forced version
     * @param impact        for a changed settings schema: the installations whose stored settings it would break
     */
    record PlannedChange(String plugin, Action action, String source, Optional<String> fromVersion,
                         Optional<String> toVersion, boolean schemaChanged, Optional<String> refusal, List<String> notes,
                         Optional<Impact> impact) {
        public PlannedChange {
            fromVersion = fromVersion == null ? Optional.empty() : fromVersion;
            toVersion = toVersion == null ? Optional.empty() : toVersion;
            refusal = refusal == null ? Optional.empty() : refusal;
            notes = List.copyOf(notes);
            impact = impact == null ? Optional.empty() : impact;
        }

        public PlannedChange(String plugin, Action action, String source, Optional<String> fromVersion,
                             Optional<String> toVersion, boolean schemaChanged, Optional<String> refusal, List<String> notes) {
            this(plugin, action, source, fromVersion, toVersion, schemaChanged, refusal, notes, Optional.empty());
        }

        public PlannedChange withImpact(Impact value) {
            return new PlannedChange(plugin, action, source, fromVersion, toVersion, schemaChanged, refusal, notes,
                    Optional.of(value));
        }

        /** Whether the sync applies it: not refused, and something changes. */
        public boolean applies() {
            return refusal.isEmpty() && action != Action.UNCHANGED;
        }
    }

    /**
     * What a new settings schema does to the stored installations of its plugin.
     *
     * @param installations how many were checked
     * @param broken        how many would no longer validate
     * @param examples      the first broken ones: {@code owner: violation; violation}
     */
    record Impact(int installations, int broken, List<String> examples) {
        public static final int EXAMPLES = 5;

        public Impact {
            examples = List.copyOf(examples);
        }

        public String summary() {
            return broken + " of " + installations + " installation(s) would no longer validate";
        }
    }

    /** A plugin whose manifest changed, with the version before and after. */
    record Change(String plugin, String fromVersion, String toVersion) {
    }

    /** What the sync did (or, in a dry run, would do) to each plugin it saw. */
    record SyncReport(boolean dryRun, List<PlannedChange> plan, List<ManifestDiscovery.Problem> rejected) {
        public SyncReport {
            plan = List.copyOf(plan);
            rejected = List.copyOf(rejected);
        }

        public List<String> added() {
            return plan.stream().filter(c -> c.applies() && c.action() == Action.ADDED).map(PlannedChange::plugin).toList();
        }

        public List<Change> updated() {
            return plan.stream().filter(c -> c.applies() && c.action() != Action.ADDED && c.action() != Action.RETIRED)
                    .map(c -> new Change(c.plugin(), c.fromVersion().orElse(""), c.toVersion().orElse(""))).toList();
        }

        public List<String> unchanged() {
            return plan.stream().filter(c -> c.action() == Action.UNCHANGED).map(PlannedChange::plugin).toList();
        }

        public String summary() {
            long retired = plan.stream().filter(c -> c.applies() && c.action() == Action.RETIRED).count();
            return (dryRun ? "dry run, nothing changed: would be " : "") + added().size() + " added, " + updated().size()
                    + " updated, " + unchanged().size() + " unchanged, " + rejected.size() + " rejected"
                    + (retired > 0 ? ", " + retired + " retired" : "");
        }
    }

    SyncReport sync(SyncCatalogCommand command);
}
