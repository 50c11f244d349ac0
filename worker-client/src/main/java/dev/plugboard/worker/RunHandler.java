package dev.plugboard.worker;

import java.util.Map;

/**
 * What a worker does with one claimed run: return the run's output (a JSON object) to complete it, or
 * throw. A {@link RunFailure} reports its code and whether a retry may help; any other exception fails
 * the attempt with code {@code HANDLER_ERROR}, retryable. The handler runs on a thread of its own while
 * the worker renews the lease; that thread is interrupted when the lease is lost (the run was reaped,
 * cancelled or given to another worker) or when a shutdown's grace period is over, so a handler that
 * waits or loops should honour interruption.
 */
@FunctionalInterface
public interface RunHandler {

    Map<String, ?> handle(ClaimedRun run) throws Exception;
}
