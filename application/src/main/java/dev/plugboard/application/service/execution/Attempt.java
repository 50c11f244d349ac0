package dev.plugboard.application.service.execution;

import dev.plugboard.domain.run.RunError;
import dev.plugboard.domain.settings.JsonDocument;

/** How one attempt of a handler ended. */
sealed interface Attempt {

    record Succeeded(JsonDocument output) implements Attempt {
    }

    record Failed(RunError error, boolean retryable) implements Attempt {
    }

    /** The executor is shutting down: leave the run to the reaper. */
    record Abandoned() implements Attempt {
    }
}
