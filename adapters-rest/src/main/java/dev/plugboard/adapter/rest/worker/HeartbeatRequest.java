package dev.plugboard.adapter.rest.worker;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A worker still at work on a run.
 *
 * @param leaseSeconds the lease runs this long from now, 5 to 3600 (default 30)
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // an unknown field is a client's mistake: 400, not silence
public record HeartbeatRequest(@Nullable Integer leaseSeconds) {
}
