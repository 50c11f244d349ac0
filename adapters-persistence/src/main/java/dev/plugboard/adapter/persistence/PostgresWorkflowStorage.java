package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.jdbc.JdbcTriggerLedger;
import dev.plugboard.adapter.persistence.jdbc.JdbcWorkflowRepository;
import dev.plugboard.adapter.persistence.jdbc.JdbcWorkflowRunRepository;
import jakarta.inject.Singleton;

/**
 * The PostgreSQL ports of workflows as one bean: saved workflows, their durable runs and the
 * ledger of schedule fires and webhook deliveries. They take part in the transactions of
 * {@link PostgresStorage#transactions()}.
 */
@Singleton
public record PostgresWorkflowStorage(JdbcWorkflowRepository workflows, JdbcWorkflowRunRepository runs,
                                      JdbcTriggerLedger ledger) {
}
