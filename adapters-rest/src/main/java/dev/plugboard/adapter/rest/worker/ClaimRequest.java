package dev.plugboard.adapter.rest.worker;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a worker asks for.
 *
 * @param plugins      the plugins it runs: each must say {@code execution: {mode: external}}
 * @param max          at most this many runs, 1 to 100 (default 1)
 * @param leaseSeconds how long the runs are the worker's without a heartbeat, 5 to 3600 (default 30)
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // an unknown field is a client's mistake: 400, not silence
public record ClaimRequest(@Nullable List<String> plugins, @Nullable Integer max, @Nullable Integer leaseSeconds) {

    static final int DEFAULT_MAX = 1;
    static final int DEFAULT_LEASE_SECONDS = 30;
}
