package dev.plugboard.adapter.console.session;

import dev.plugboard.adapter.console.web.ErrorPages;
import dev.plugboard.application.port.in.access.RoleGrantsUseCase;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase;
import dev.plugboard.application.port.in.console.ConsoleSignInUseCase.ConsoleSession;
import dev.plugboard.domain.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Provider;

import java.util.List;
import java.util.Optional;

/**
 * Lets a console request through only with a live session: otherwise a page request goes to the
 * sign-in page, which remembers the page asked for. A change (any method but GET) must also carry
 * the session's CSRF token in {@code X-CSRF-Token}, which every page gives htmx to send.
 */
@ServerFilter("/console/**")
final class ConsoleSessionFilter implements Ordered {

    private final Provider<ConsoleSignInUseCase> signIn;
    private final Provider<RoleGrantsUseCase> grants;
    private final List<String> externalPrefixes;

    ConsoleSessionFilter(Provider<ConsoleSignInUseCase> signIn, Provider<RoleGrantsUseCase> grants,
                         List<ExternalSignIn> external) {
        this.signIn = signIn;
        this.grants = grants;
        this.externalPrefixes = external.stream().map(ExternalSignIn::publicPrefix).toList();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    MutableHttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (isPublic(path)) {
            return null;
        }
        Optional<String> secret = ConsoleCookies.read(request, ConsoleCookies.SESSION);
        Optional<ConsoleSession> session = secret.flatMap(signIn.get()::session);
        if (session.isEmpty()) {
            return toSignIn(request);
        }
        String csrf = CsrfTokens.of(secret.get());
        if (request.getMethod() != HttpMethod.GET
                && !CsrfTokens.matches(csrf, request.getHeaders().get(CsrfTokens.HEADER))) {
            return ErrorPages.plain(HttpStatus.FORBIDDEN, "This form has expired or did not come from the console."
                    + " Reload the page and try again.");
        }
        request.setAttribute(ConsoleUser.ATTRIBUTE, user(request, session.get(), csrf));
        return null;
    }

    private ConsoleUser user(HttpRequest<?> request, ConsoleSession session, String csrf) {
        var identity = session.identity();
        boolean admin = identity.roles().contains(Role.ADMIN) || grants.get().rolesOf(identity.user()).contains(Role.ADMIN);
        boolean self = ConsoleCookies.read(request, ConsoleCookies.ACTING).filter("self"::equals).isPresent();
        return new ConsoleUser(identity, self ? Optional.empty() : identity.organization(), admin, csrf);
    }

    /** htmx follows {@code HX-Redirect}; a plain page request follows 303. */
    private static MutableHttpResponse<?> toSignIn(HttpRequest<?> request) {
        String wanted = request.getHeaders().contains("HX-Request")
                ? request.getHeaders().get("HX-Current-URL", String.class).map(ConsoleSessionFilter::pathOf).orElse("/console")
                : request.getUri().toString();
        String target = UriBuilder.of("/console/sign-in").queryParam("next", wanted).build().toString();
        if (request.getHeaders().contains("HX-Request")) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).header("HX-Redirect", target);
        }
        return HttpResponse.seeOther(UriBuilder.of(target).build());
    }

    private static String pathOf(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private boolean isPublic(String path) {
        return path.equals("/console/sign-in") || path.startsWith("/console/static/") || path.startsWith("/console/webjars/")
                || externalPrefixes.stream().anyMatch(path::startsWith);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
