package dev.plugboard.adapter.rest.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The role grants, by subject and role. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GrantListResponse(List<GrantResponse> items) {
}
