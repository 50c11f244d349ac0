package dev.plugboard.adapter.rest.security;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;

/**
 * Puts {@link VerifiedTokens} in front of Micronaut Security's JWT validator, the way Micronaut lets a
 * bean be wrapped when it is created: its Nimbus validator is not a public class to replace, and every
 * check it makes (signature, issuer, audience, time claims) stays its own.
 */
@Singleton
final class RememberVerifiedTokens implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<JWT, Object>> {

    private final BeanProvider<VerifiedTokens> tokens;
    private final BeanProvider<JwtAuthenticationFactory> authentications;

    RememberVerifiedTokens(BeanProvider<VerifiedTokens> tokens, BeanProvider<JwtAuthenticationFactory> authentications) {
        this.tokens = tokens;
        this.authentications = authentications;
    }

    @Override
    public ReactiveJsonWebTokenValidator<JWT, Object> onCreated(BeanCreatedEvent<ReactiveJsonWebTokenValidator<JWT, Object>> event) {
        ReactiveJsonWebTokenValidator<JWT, Object> validator = event.getBean();
        return validator instanceof RememberingTokenValidator<?> ? validator
                : new RememberingTokenValidator<>(validator, tokens.get(), authentications);
    }
}
