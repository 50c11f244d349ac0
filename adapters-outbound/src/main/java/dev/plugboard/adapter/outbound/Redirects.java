package dev.plugboard.adapter.outbound;

import dev.plugboard.application.spi.PluginFailure;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The request a redirect leads to, as browsers and OkHttp build it: 307 and 308 repeat the method
 * and body, the others turn into a GET; credentials are not carried to another origin.
 */
final class Redirects {

    private Redirects() {
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static Request next(Request previous, int status, String location) throws PluginFailure {
        HttpUrl target = previous.url().resolve(location);
        if (target == null) {
            throw new PluginFailure("OUTBOUND_BAD_REDIRECT", "a redirect from " + previous.url().host()
                    + " leads to a location that is not an http(s) URL", false);
        }
        Request.Builder next = previous.newBuilder().url(target);
        if (status != 307 && status != 308 && !"HEAD".equals(previous.method())) {
            next.method("GET", null).removeHeader("Content-Type").removeHeader("Content-Length");
        }
        if (!sameOrigin(previous.url(), target)) {
            next.removeHeader("Authorization").removeHeader("Cookie").removeHeader("Proxy-Authorization");
        }
        return next.build();
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }
}
