package dev.plugboard.adapter.rest;

import io.swagger.v3.oas.annotations.media.Schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents a free-form JSON object (settings, schemas, run input) in the OpenAPI document: any
 * member values, where a bare {@code Map<String, Object>} would claim every value is an object.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
public @interface JsonObject {
}
