package dev.plugboard.adapter.persistence;

import dev.plugboard.adapter.persistence.jdbc.JdbcTriggerLedger;
import dev.plugboard.adapter.persistence.jdbc.JdbcWorkflowRepository;
import dev.plugboard.adapter.persistence.jdbc.JdbcWorkflowRunRepository;
import dev.plugboard.application.Plugboard;
import jakarta.inject.Singleton;

/**
 * The PostgreSQL ports of workflows as one bean: workflows, their runs (which the engines of every
 * instance claim from) and the trigger ledger that makes each tick and webhook delivery count once.
 * They take part in the transactions of {@link PostgresStorage#transactions()}.
 */
@Singleton
public record PostgresWorkflowStorage(JdbcWorkflowRepository workflows, JdbcWorkflowRunRepository runs,
                                      JdbcTriggerLedger ledger) {

    public Plugboard.Builder applyTo(Plugboard.Builder builder) {
        return builder.workflowStorage(workflows, runs, ledger);
    }
}
