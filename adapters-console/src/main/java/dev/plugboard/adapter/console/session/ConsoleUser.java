package dev.plugboard.adapter.console.session;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleIdentity;
import io.micronaut.http.HttpRequest;

import java.util.Optional;

/**
 * The signed-in person behind a console request: who they are, the organization they act for
 * right now (empty: for themselves), whether they administer Plugboard, and the CSRF token every
 * change must carry. The session filter puts it on the request.
 */
public record ConsoleUser(ConsoleIdentity identity, Optional<String> actingFor, boolean admin, String csrfToken) {

    static final String ATTRIBUTE = "plugboard.console.user";

    /** The caller the use cases see, exactly as REST builds it from a token's sub and org claims. */
    public Caller caller() {
        return actingFor.map(org -> Caller.member(identity.user(), org, null))
                .orElseGet(() -> Caller.user(identity.user(), null));
    }

    /** Whose data the pages show, in words. */
    public String ownerLabel() {
        return actingFor.map(org -> "organization " + org).orElse("user " + identity.user());
    }

    /** The user of a request that passed the session filter. */
    public static ConsoleUser of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, ConsoleUser.class)
                .orElseThrow(() -> new IllegalStateException("no console session on " + request.getPath()));
    }
}
