package dev.plugboard.adapter.rest.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The runs the worker now holds; empty when nothing was waiting. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ClaimResponse(List<ClaimedRunResponse> runs) {
}
