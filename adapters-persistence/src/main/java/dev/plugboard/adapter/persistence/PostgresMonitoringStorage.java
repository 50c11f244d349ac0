package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.jdbc.JdbcAlertRepository;
import dev.plugboard.adapter.persistence.jdbc.JdbcHealthRepository;
import dev.plugboard.adapter.persistence.jdbc.JdbcHealthSignals;
import dev.plugboard.application.Plugboard;
import jakarta.inject.Singleton;

/**
 * The PostgreSQL ports of plugin health and alerts as one bean; they take part in the transactions of
 * {@link PostgresStorage#transactions()}.
 */
@Singleton
public record PostgresMonitoringStorage(JdbcHealthRepository verdicts, JdbcAlertRepository alerts,
                                        JdbcHealthSignals signals) {

    /** Sets the monitoring ports on a use-case builder. */
    public Plugboard.Builder applyTo(Plugboard.Builder builder) {
        return builder.monitoringStorage(verdicts, alerts, signals, signals);
    }
}
