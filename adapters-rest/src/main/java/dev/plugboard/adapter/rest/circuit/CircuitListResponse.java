package dev.plugboard.adapter.rest.circuit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Every circuit breaker of the caller's owner, one per plugin that has run (idle closed ones are forgotten). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CircuitListResponse(List<CircuitResponse> items) {
}
