package dev.plugboard.adapter.console.oidc;

import io.micronaut.http.HttpStatus;

/**
 * Why a sign-in through the identity provider stopped, in words for the person signing in; the
 * status of the page that says so. Messages never hold a code, a token or the client secret.
 */
final class OidcRefusal extends Exception {

    private final HttpStatus status;

    OidcRefusal(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
