package dev.plugboard.bootstrap.operations;

import dev.plugboard.adapter.persistence.PostgresStorage;
import dev.plugboard.adapter.persistence.jdbc.JdbcJobLocks;
import dev.plugboard.adapter.persistence.jdbc.JdbcMetricsRollups;
import dev.plugboard.adapter.persistence.jdbc.JdbcRetentionStore;
import dev.plugboard.application.port.in.operations.PluginMetricsUseCase;
import dev.plugboard.application.port.in.operations.PruneUseCase;
import dev.plugboard.application.port.out.IdSource;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.service.operations.HourlyRollups;
import dev.plugboard.application.service.operations.PluginMetricsService;
import dev.plugboard.application.service.operations.RetentionService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/** Builds the rollup job, the metrics series and retention on the PostgreSQL adapters. */
@Factory
final class OperationsFactory {

    @Singleton
    OperationsConfiguration operationsConfiguration(Environment environment) {
        return OperationsConfiguration.from(environment);
    }

    @Singleton
    HourlyRollups hourlyRollups(JdbcMetricsRollups rollups, JdbcJobLocks locks, PostgresStorage storage) {
        return new HourlyRollups(rollups, locks, storage.transactions(), TimeSource.system());
    }

    @Singleton
    PluginMetricsUseCase pluginMetrics(JdbcMetricsRollups rollups, PostgresStorage storage) {
        return new PluginMetricsService(rollups, storage.plugins(), storage.transactions());
    }

    @Singleton
    RetentionService retention(JdbcRetentionStore store, JdbcJobLocks locks, PostgresStorage storage,
                               OperationsConfiguration configuration) {
        return new RetentionService(store, locks, storage.transactions(), storage.audit(), TimeSource.system(),
                IdSource.random(), configuration.retention());
    }

    @Singleton
    PruneUseCase prune(RetentionService retention) {
        return retention;
    }
}
