package dev.plugboard.adapter.rest.event;

import dev.plugboard.adapter.rest.JsonObject;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * An event to publish.
 *
 * @param type           lowercase words joined by dots, such as {@code message.received}
 * @param data           what happened, a JSON object; each run's input is {@code {"type": ..., "data": ...}}
 * @param idempotencyKey a key of the publisher's choice: publishing it again creates nothing and
 *                       answers the runs of the first delivery, with {@code duplicate: true}
 * @param user           admins only: publish for this user instead of for the caller
 * @param org            admins only: publish for this organization instead of for the caller
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // an unknown field is a client's mistake: 400, not silence
public record PublishEventRequest(@Nullable String type, @Nullable @JsonObject Map<String, Object> data,
                                  @Nullable String idempotencyKey, @Nullable String user, @Nullable String org) {
}
