package dev.plugboard.application.service.execution;

import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.KeyValueStore;
import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.run.RunId;

/** What {@link RunExecutor} hands an in-process handler for one attempt. */
record RunHandlerContext(Owner owner, RunId runId, int attempt, KeyValueStore store, System.Logger logger,
                         OutboundHttp outbound) implements HandlerContext {
}
