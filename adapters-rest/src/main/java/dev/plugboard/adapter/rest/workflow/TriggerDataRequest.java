package dev.plugboard.adapter.rest.workflow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.plugboard.adapter.rest.JsonObject;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * Trigger data for a manual run or a test: what templates read as {@code trigger.data}.
 *
 * @param triggerData any JSON object; absent means {@code {}}
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // an unknown field is a client's mistake: 400, not silence
public record TriggerDataRequest(@Nullable @JsonObject Map<String, Object> triggerData) {

    static Map<String, Object> of(@Nullable TriggerDataRequest request) {
        return request == null || request.triggerData() == null ? Map.of() : request.triggerData();
    }
}
