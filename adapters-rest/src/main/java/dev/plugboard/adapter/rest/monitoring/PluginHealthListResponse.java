package dev.plugboard.adapter.rest.monitoring;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Every plugin's health, by name. */
@Serdeable
public record PluginHealthListResponse(List<PluginHealthResponse> items) {
}
