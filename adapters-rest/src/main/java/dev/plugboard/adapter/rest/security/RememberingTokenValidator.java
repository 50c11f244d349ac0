package dev.plugboard.adapter.rest.security;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.BeanProvider;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Micronaut Security's JWT validator with {@link VerifiedTokens} in front: a token verified before is
 * not parsed or checked again, only its time claims; any other goes to Micronaut's validator, and is
 * remembered when that accepts it. The caller's {@code Authentication} is built afresh on every
 * request, so its roles (the token's and Plugboard's grants, {@link ClaimAndGrantRolesFinder}) are
 * always the current ones. {@link #validate} is Micronaut's, unchanged.
 */
final class RememberingTokenValidator<R> implements ReactiveJsonWebTokenValidator<JWT, R> {

    private final ReactiveJsonWebTokenValidator<JWT, R> verifier;
    private final VerifiedTokens tokens;
    private final BeanProvider<JwtAuthenticationFactory> authentications;

    RememberingTokenValidator(ReactiveJsonWebTokenValidator<JWT, R> verifier, VerifiedTokens tokens,
                              BeanProvider<JwtAuthenticationFactory> authentications) {
        this.verifier = verifier;
        this.tokens = tokens;
        this.authentications = authentications;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, R request) {
        Mono<JWT> verified = tokens.find(token, Instant.now()).map(Mono::just)
                .orElseGet(() -> Mono.from(verifier.validate(token, request))
                        .doOnNext(jwt -> tokens.remember(token, jwt, Instant.now())));
        return verified.flatMap(jwt -> Mono.justOrEmpty(authentications.get().createAuthentication(jwt)));
    }

    @Override
    public Publisher<JWT> validate(String token, R request) {
        return verifier.validate(token, request);
    }
}
