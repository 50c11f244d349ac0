package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.jdbc.JdbcCircuitRepository;
import dev.plugboard.adapter.persistence.jdbc.JdbcEventLog;
import dev.plugboard.adapter.persistence.jdbc.JdbcInstallationStore;
import dev.plugboard.adapter.persistence.jdbc.JdbcRunQueue;
import dev.plugboard.adapter.persistence.jdbc.PgRunWakeups;
import dev.plugboard.application.Plugboard;
import jakarta.inject.Singleton;

/**
 * The PostgreSQL ports of plugin execution as one bean: the run queue executors and workers claim
 * from, the shared circuit breakers, the plugins' per-installation store and the log of events
 * already fanned out, and the LISTEN/NOTIFY signal that wakes executors when a run is queued. They take part in the transactions of {@link PostgresStorage#transactions()};
 * {@link PostgresStorage#applyTo} sets them along with the rest.
 */
@Singleton
public record PostgresExecutionStorage(JdbcRunQueue queue, JdbcCircuitRepository circuits,
                                       JdbcInstallationStore store, JdbcEventLog events, PgRunWakeups wakeups) {

    /** Sets only the execution ports on a use-case builder (for a builder given other storage by hand). */
    public Plugboard.Builder applyTo(Plugboard.Builder builder) {
        return builder.executionStorage(queue, circuits, store, events).runWakeups(wakeups);
    }
}
