package dev.plugboard.adapter.rest.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.plugboard.adapter.rest.security.Callers;
import dev.plugboard.domain.error.DomainException;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bearer-token handling in front of the controllers, as the server configures it (HS256 with
 * the server's secret, the time-claims validator, the roles finder), on any token text and on tokens
 * with any claims: a token not signed with the server's key (another key, {@code alg: none}, any
 * text) never authenticates; one that does has a subject and a live {@code exp}; turning it into a
 * caller gives one or a domain refusal, never another exception.
 */
class JwtFuzzTest {

    private static final HttpRequest<?> REQUEST = HttpRequest.GET("/api/user/plugins");
    private static final String OTHER_SECRET = "another-secret-another-secret-another-secret-01";

    @FuzzTest(maxDuration = "5m")
    void givenAnyTokenOrClaims_onlyTheServersKeyAuthenticates_andAnAuthenticatedCallerIsWellFormed(FuzzedDataProvider data)
            throws JOSEException {
        int mode = data.consumeInt(0, 3);
        String text = data.consumeRemainingAsString();
        if (mode == 0) {
            assertThat(authenticate(text)).as("any text: %s", text).isEmpty();
            return;
        }
        JWTClaimsSet claims;
        try {
            claims = JWTClaimsSet.parse(text);
        } catch (ParseException | RuntimeException notClaims) {
            // Text the claims parser cannot take (`null` makes it throw a NullPointerException): nothing to sign.
            return;
        }
        switch (mode) {
            case 1 -> assertThat(authenticate(sign(claims, OTHER_SECRET))).as("another key: %s", text).isEmpty();
            case 2 -> assertThat(authenticate(new PlainJWT(claims).serialize())).as("alg none: %s", text).isEmpty();
            default -> authenticate(sign(claims, FuzzContext.SECRET)).ifPresent(authentication -> wellFormed(authentication, claims));
        }
    }

    private static void wellFormed(Authentication authentication, JWTClaimsSet claims) {
        // A subject that is no usable user id (blank, spaces, a NUL) still authenticates; turning it into a caller
        // refuses it below with a 400 that says what a user id may hold.
        assertThat(authentication.getName()).as("subject of %s", claims).isNotNull();
        assertThat(claims.getExpirationTime()).as("exp of %s", claims).isNotNull();
        assertThat(claims.getExpirationTime().toInstant()).as("exp of %s", claims).isAfter(Instant.now().minusSeconds(120));
        try {
            assertThat(Callers.of(authentication).owner()).isNotNull();
            Callers.workflowActor(authentication, "department.id");
        } catch (DomainException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private static String sign(JWTClaimsSet claims, String secret) throws JOSEException {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return token.serialize();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Authentication> authenticate(String token) {
        Collection<TokenValidator> validators = FuzzContext.get().getBeansOfType(TokenValidator.class);
        for (TokenValidator validator : validators) {
            Optional<Authentication> authentication = first(validator.validateToken(token, REQUEST));
            if (authentication.isPresent()) {
                return authentication;
            }
        }
        return Optional.empty();
    }

    /** The first element a publisher gives, if any; its error fails the target (the server would answer 500). */
    private static <T> Optional<T> first(Publisher<T> publisher) {
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(T value) {
                result.complete(Optional.of(value));
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                result.complete(Optional.empty());
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("validating a token failed instead of refusing it", e);
        }
    }
}
