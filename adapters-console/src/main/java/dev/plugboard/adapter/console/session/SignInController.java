package dev.plugboard.adapter.console.session;

import dev.plugboard.adapter.console.web.Chrome;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.Issued;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in with a one-time link: opening it shows a button (so that a link preview cannot spend
 * it), pressing it exchanges the link for a session cookie and goes to the page the user had
 * asked for. The page also offers each configured {@link ExternalSignIn} (an OpenID provider).
 * Sign-out ends the session on the server, not only in the browser.
 */
@Controller("/console")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class SignInController {

    private static final String NEXT = NextPage.COOKIE;
    private static final String HOME = NextPage.HOME;

    private final ConsoleSignInUseCase signIn;
    private final List<ExternalSignIn> external;

    SignInController(ConsoleSignInUseCase signIn, List<ExternalSignIn> external) {
        this.signIn = signIn;
        this.external = List.copyOf(external);
    }

    @Get("/sign-in")
    MutableHttpResponse<ModelAndView<Map<String, Object>>> page(HttpRequest<?> request, @Nullable @QueryValue String link,
                                                                @Nullable @QueryValue String next) {
        String remembered = NextPage.safe(next).or(() -> ConsoleCookies.read(request, NEXT).flatMap(NextPage::safe))
                .orElse(HOME);
        MutableHttpResponse<ModelAndView<Map<String, Object>>> response = HttpResponse.ok(view(link, remembered,
                request.getParameters().contains("signed-out") ? "You are signed out." : null));
        if (next != null && NextPage.safe(next).isPresent()) {
            response.cookie(ConsoleCookies.remembered(request, NEXT, remembered, Duration.ofMinutes(30)));
        }
        return response;
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> exchange(HttpRequest<?> request, @Body Map<String, String> form) {
        Optional<Issued> session = signIn.exchange(form.get("link"));
        if (session.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(view(null, HOME,
                    "This sign-in link was already used or has expired (links last five minutes)."
                            + " Print a new one with: plugboard console-link --user USER"));
        }
        Issued issued = session.get();
        String next = NextPage.safe(form.get("next")).orElse(HOME);
        return HttpResponse.seeOther(URI.create(next))
                .cookie(ConsoleCookies.session(request, issued.secret(), Duration.between(Instant.now(), issued.expiresAt())))
                .cookie(ConsoleCookies.expired(request, NEXT));
    }

    @Post("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request) {
        ConsoleCookies.read(request, ConsoleCookies.SESSION).ifPresent(signIn::signOut);
        return HttpResponse.ok().header("HX-Redirect", "/console/sign-in?signed-out")
                .cookie(ConsoleCookies.expired(request, ConsoleCookies.SESSION));
    }

    private ModelAndView<Map<String, Object>> view(String link, String next, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("external", external);
        model.put("chrome", Chrome.anonymous("Sign in"));
        model.put("link", link);
        model.put("next", next);
        model.put("message", message);
        return new ModelAndView<>("signin", model);
    }
}
