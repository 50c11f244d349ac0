package dev.plugboard.application.port.in.run;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;

/** An owner reads their runs; another owner's runs do not exist for them. */
public interface QueryRunsUseCase {

    /** @throws dev.plugboard.domain.run.RunNotFoundException when the owner has no such run */
    PluginRun get(Owner owner, RunId id);

    Page<PluginRun> list(Owner owner, RunFilter filter, PageRequest page);

    /**
     * The run with its attempts, first to last.
     *
     * @throws dev.plugboard.domain.run.RunNotFoundException when the owner has no such run
     */
    RunHistory history(Owner owner, RunId id);

    /** A run and the attempts it has made so far. */
    record RunHistory(PluginRun run, java.util.List<dev.plugboard.domain.run.RunAttempt> attempts) {
        public RunHistory {
            attempts = java.util.List.copyOf(attempts);
        }
    }
}
