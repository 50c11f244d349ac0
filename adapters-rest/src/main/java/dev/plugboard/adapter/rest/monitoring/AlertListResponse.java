package dev.plugboard.adapter.rest.monitoring;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Alerts, the most recently seen first. */
@Serdeable
public record AlertListResponse(List<AlertResponse> items) {
}
