package dev.plugboard.adapter.console.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import dev.plugboard.adapter.console.session.ConsoleCookies;
import dev.plugboard.adapter.console.session.NextPage;
import dev.plugboard.adapter.console.web.ErrorPages;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleIdentity;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.Issued;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in through the OpenID provider: the start sends the browser there with a flow cookie, and
 * the way back checks the flow (state, age), trades the code with the PKCE verifier, checks the ID
 * token and opens the same console session a sign-in link opens. Whatever goes wrong ends on a
 * page that says what happened; the log gets the reason, never a code, a token or the secret.
 */
@Controller("/console/oidc")
@Requires(beans = OidcProvider.class)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class OidcSignInController {

    static final String FLOW = "plugboard_console_oidc";
    private static final String CALLBACK = "/console/oidc/callback";
    private static final Logger LOG = LoggerFactory.getLogger(OidcSignInController.class);

    private final OidcProvider provider;
    private final OidcIdentities identities;
    private final ConsoleSignInUseCase signIn;
    private final HttpHostResolver hosts;
    private final String redirectUri;

    OidcSignInController(OidcProvider provider, OidcIdentities identities, ConsoleSignInUseCase signIn,
                         HttpHostResolver hosts, @Value("${" + OidcProvider.PREFIX + "redirect-uri:}") String redirectUri) {
        this.provider = provider;
        this.identities = identities;
        this.signIn = signIn;
        this.hosts = hosts;
        this.redirectUri = redirectUri.strip();
    }

    @Get("/sign-in")
    MutableHttpResponse<?> start(HttpRequest<?> request, @Nullable @QueryValue String next) {
        String page = NextPage.safe(next).or(() -> ConsoleCookies.read(request, NextPage.COOKIE).flatMap(NextPage::safe))
                .orElse(NextPage.HOME);
        OidcFlow flow = OidcFlow.start(page, Instant.now());
        try {
            return HttpResponse.seeOther(provider.authorization(redirect(request), flow))
                    .cookie(ConsoleCookies.crossSite(request, FLOW, flow.encode(), OidcProvider.PATH, OidcFlow.LIFETIME));
        } catch (OidcRefusal refusal) {
            return refused(request, refusal);
        }
    }

    @Get("/callback")
    MutableHttpResponse<?> callback(HttpRequest<?> request) {
        try {
            OidcFlow flow = ConsoleCookies.read(request, FLOW).flatMap(OidcFlow::decode)
                    .filter(f -> !f.expiredAt(Instant.now()))
                    .orElseThrow(() -> new OidcRefusal(HttpStatus.BAD_REQUEST, "This sign-in took longer than "
                            + OidcFlow.LIFETIME.toMinutes() + " minutes, or was started in another browser."
                            + " Start it again from the sign-in page."));
            AuthenticationSuccessResponse answer = answer(request, flow);
            URI redirect = redirect(request);
            ConsoleIdentity identity = identities.of(provider.validate(
                    provider.exchange(answer.getAuthorizationCode(), redirect, flow.verifier()), flow.nonce()));
            Issued session = signIn.openSession(identity);
            LOG.info("Console sign-in through the identity provider: user {}", identity.user());
            // A 200 page that moves on by itself: the navigation it starts is same-site, so the
            // SameSite=Strict session cookie goes with it (a redirect here would still count as cross-site).
            return HttpResponse.ok(new ModelAndView<>("signedin", Map.of("next", flow.next())))
                    .cookie(ConsoleCookies.session(request, session.secret(),
                            Duration.between(Instant.now(), session.expiresAt())))
                    .cookie(ConsoleCookies.crossSiteExpired(request, FLOW, OidcProvider.PATH))
                    .cookie(ConsoleCookies.expired(request, NextPage.COOKIE));
        } catch (OidcRefusal refusal) {
            return refused(request, refusal)
                    .cookie(ConsoleCookies.crossSiteExpired(request, FLOW, OidcProvider.PATH));
        }
    }

    private AuthenticationSuccessResponse answer(HttpRequest<?> request, OidcFlow flow) throws OidcRefusal {
        AuthenticationResponse answer;
        try {
            answer = AuthenticationResponseParser.parse(URI.create(CALLBACK), request.getParameters().asMap());
        } catch (ParseException unreadable) {
            throw new OidcRefusal(HttpStatus.BAD_REQUEST, "The identity provider's answer could not be read."
                    + " Start the sign-in again.");
        }
        if (answer.getState() == null || !answer.getState().equals(flow.state())) {
            throw new OidcRefusal(HttpStatus.BAD_REQUEST, "The identity provider's answer does not belong to the sign-in"
                    + " this browser started (its state does not match). Start the sign-in again.");
        }
        if (answer instanceof AuthenticationErrorResponse error) {
            String description = Optional.ofNullable(error.getErrorObject().getDescription()).map(d -> ": " + d).orElse("");
            throw new OidcRefusal(HttpStatus.UNAUTHORIZED, "The identity provider did not sign you in ("
                    + error.getErrorObject().getCode() + description + ").");
        }
        return answer.toSuccessResponse();
    }

    private URI redirect(HttpRequest<?> request) {
        return URI.create(redirectUri.isEmpty() ? hosts.resolve(request) + CALLBACK : redirectUri);
    }

    private static MutableHttpResponse<?> refused(HttpRequest<?> request, OidcRefusal refusal) {
        LOG.warn("Console sign-in through the identity provider refused: {}", refusal.getMessage());
        return ErrorPages.of(request, refusal.status(), refusal.getMessage() + " You can also sign in with a link from"
                + " plugboard console-link.");
    }
}
