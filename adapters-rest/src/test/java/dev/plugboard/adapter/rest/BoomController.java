package dev.plugboard.adapter.rest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A route that fails the way a bug would, to prove an unexpected error leaks nothing. */
@Controller("/test/boom")
@Requires(env = InMemoryTarget.ENVIRONMENT)
@Secured(SecurityRule.IS_ANONYMOUS)
class BoomController {

    static final String INTERNAL_DETAIL = "connection to db-7.internal refused, password=hunter2";

    @Get
    String boom() {
        throw new IllegalStateException(INTERNAL_DETAIL);
    }
}
