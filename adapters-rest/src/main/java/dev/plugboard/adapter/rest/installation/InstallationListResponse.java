package dev.plugboard.adapter.rest.installation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Every installation of the caller's owner, by plugin name. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InstallationListResponse(List<InstallationResponse> items) {
}
