package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.jdbc.JdbcAuditLog;
import dev.plugboard.adapter.persistence.jdbc.JdbcInstallationRepository;
import dev.plugboard.adapter.persistence.jdbc.JdbcOwnerDirectory;
import dev.plugboard.adapter.persistence.jdbc.CachedPluginRepository;
import dev.plugboard.adapter.persistence.jdbc.JdbcRunRepository;
import dev.plugboard.adapter.persistence.jdbc.MicronautTransactionBoundary;
import dev.plugboard.application.Plugboard;
import jakarta.inject.Singleton;

/**
 * Every PostgreSQL storage port as one bean, so that the wiring hands all of them (and the
 * transaction boundary that spans them) to the use cases at once; {@code execution} holds the
 * ports of plugin execution. The catalog is read through its in-memory copy.
 */
@Singleton
public record PostgresStorage(CachedPluginRepository plugins, JdbcInstallationRepository installations,
                              JdbcRunRepository runs, JdbcOwnerDirectory owners, JdbcAuditLog audit,
                              MicronautTransactionBoundary transactions, PostgresExecutionStorage execution) {

    /**
     * Sets this storage, execution ports included, on a use-case builder:
     * {@code storage.applyTo(Plugboard.builder()).build()}.
     */
    public Plugboard.Builder applyTo(Plugboard.Builder builder) {
        return execution.applyTo(builder.storage(plugins, installations, runs, owners, audit, transactions));
    }
}
