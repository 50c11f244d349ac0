package dev.plugboard.adapter.rest.problem;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose operations need a bearer token: in the OpenAPI document each gets the
 * bearer requirement and what every such request may answer (401, 429, 503).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SecurityRequirement(name = "bearer")
@ProblemAnswers.Unauthorized
@ProblemAnswers.TooManyRequests
@ProblemAnswers.DatabaseUnavailable
public @interface BearerOperations {
}
