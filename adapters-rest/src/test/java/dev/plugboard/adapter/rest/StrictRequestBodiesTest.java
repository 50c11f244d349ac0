package dev.plugboard.adapter.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospectionReference;
import io.micronaut.core.beans.BeanIntrospector;
import org.junit.jupiter.api.Test;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request body type refuses unknown fields, so a new endpoint cannot quietly go back to
 * ignoring a client's typo ({@code ErrorContract} shows the 400 it gets instead).
 */
class StrictRequestBodiesTest {

    @Test
    void everyRequestRecord_refusesUnknownFields() {
        Collection<BeanIntrospection<Object>> requests = BeanIntrospector.SHARED.findIntrospections(
                (BeanIntrospectionReference<?> reference) -> reference.getName().startsWith("dev.plugboard.adapter.rest.")
                        && reference.getName().endsWith("Request"));

        assertThat(requests).as("request body types found").hasSizeGreaterThanOrEqualTo(9);
        for (BeanIntrospection<Object> request : requests) {
            Class<?> type = request.getBeanType();
            if (!type.isRecord()) {
                continue; // ManifestRequest keeps every field so the manifest reader can name an unknown one
            }
            JsonIgnoreProperties strict = type.getAnnotation(JsonIgnoreProperties.class);
            assertThat(strict).as("%s has @JsonIgnoreProperties(ignoreUnknown = false)", type.getSimpleName()).isNotNull();
            assertThat(strict.ignoreUnknown()).as(type.getSimpleName()).isFalse();
        }
    }
}
