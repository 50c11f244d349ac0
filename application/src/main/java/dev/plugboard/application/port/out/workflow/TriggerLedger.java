package dev.plugboard.application.port.out.workflow;

import java.time.Instant;
import java.util.Optional;

/**
 * What makes triggers fire exactly once: one row per (workflow, schedule fire time), shared by
 * every instance, and one per accepted webhook signature, so that a replayed delivery is refused.
 */
public interface TriggerLedger {

    /** Records the fire; true for the first instance to record it, false when it fired already. */
    boolean firstFire(String workflowId, Instant fireTime, Instant now);

    /** The latest fire time recorded for the workflow, if it ever fired. */
    Optional<Instant> lastFire(String workflowId);

    /** Records a webhook delivery by its signature; false when the same signature was seen before. */
    boolean firstDelivery(String workflowId, String signature, Instant now);
}
