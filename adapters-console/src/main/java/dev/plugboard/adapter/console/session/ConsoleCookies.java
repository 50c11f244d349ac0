package dev.plugboard.adapter.console.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;
import java.util.Optional;

/**
 * The console's cookies: the session secret ({@code HttpOnly}, {@code SameSite=Strict},
 * {@code Secure} over TLS, path {@code /console}), the owner the user acts for, and the
 * short-lived {@code SameSite=Lax} values of a sign-in through an identity provider.
 */
public final class ConsoleCookies {

    public static final String SESSION = "plugboard_console";
    public static final String ACTING = "plugboard_console_acting";
    public static final String PATH = "/console";

    private ConsoleCookies() {
    }

    public static Optional<String> read(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    public static Cookie session(HttpRequest<?> request, String secret, Duration maxAge) {
        return secure(request, Cookie.of(SESSION, secret)).maxAge(maxAge);
    }

    /** A short-lived value the console keeps between requests, such as the page asked for before sign-in. */
    public static Cookie remembered(HttpRequest<?> request, String name, String value, Duration maxAge) {
        return secure(request, Cookie.of(name, value)).maxAge(maxAge);
    }

    public static Cookie acting(HttpRequest<?> request, String value) {
        return secure(request, Cookie.of(ACTING, value));
    }

    public static Cookie expired(HttpRequest<?> request, String name) {
        return secure(request, Cookie.of(name, "")).maxAge(0);
    }

    /**
     * A short-lived value that must come back with an identity provider's redirect, which is a
     * cross-site top-level GET: {@code SameSite=Lax} (Strict would not be sent then), and only
     * to {@code path}.
     */
    public static Cookie crossSite(HttpRequest<?> request, String name, String value, String path, Duration maxAge) {
        return Cookie.of(name, value).path(path).httpOnly(true).sameSite(SameSite.Lax).secure(request.isSecure())
                .maxAge(maxAge);
    }

    public static Cookie crossSiteExpired(HttpRequest<?> request, String name, String path) {
        return crossSite(request, name, "", path, Duration.ZERO);
    }

    private static Cookie secure(HttpRequest<?> request, Cookie cookie) {
        return cookie.path(PATH).httpOnly(true).sameSite(SameSite.Strict).secure(request.isSecure());
    }
}
