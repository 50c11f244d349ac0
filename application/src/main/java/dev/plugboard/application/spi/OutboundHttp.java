package dev.plugboard.application.spi;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one way a plugin makes an HTTP request: the server's implementation refuses internal
 * addresses (loopback, link-local, private, unique-local, multicast) unless the operator allows
 * them, follows redirects only to allowed addresses, and bounds the time and the response size.
 * Handlers get it from {@link HandlerContext#outbound()}.
 */
public interface OutboundHttp {

    /**
     * Sends {@code request} and reads the whole response.
     *
     * @throws OutboundBlockedException the address (or a redirect's) is not allowed; no connection was made to it
     * @throws PluginFailure            the response is larger than allowed ({@code OUTBOUND_RESPONSE_TOO_LARGE}),
     *                                  or redirected too often ({@code OUTBOUND_TOO_MANY_REDIRECTS})
     * @throws java.io.InterruptedIOException the exchange took longer than its timeout
     *                                  ({@link java.net.SocketTimeoutException} is one)
     * @throws IOException              no connection, or the connection broke
     * @throws InterruptedException     the calling thread was interrupted; the request is aborted
     */
    Response send(Request request) throws PluginFailure, IOException, InterruptedException;

    /** For contexts without a guarded client: every request is refused, so nothing leaves unchecked. */
    static OutboundHttp refusingAll() {
        return request -> {
            throw new PluginFailure("OUTBOUND_UNAVAILABLE", "outbound request to " + request.url().getHost()
                    + " refused: no outbound HTTP client is configured (add plugboard-adapters-outbound to the"
                    + " class path, or pass one to Plugboard.builder().outboundHttp(...))", false);
        };
    }

    /**
     * One request.
     *
     * @param method          an HTTP method, upper case
     * @param url             an absolute http or https URL
     * @param headers         request headers (one value each)
     * @param body            the body, or null for none
     * @param timeout         bounds connecting and the whole exchange; null for the operator's default.
     *                        It can shorten, never lengthen, the operator's limit.
     * @param followRedirects whether to follow 3xx answers (each hop is checked like the first)
     */
    record Request(String method, URI url, Map<String, String> headers, byte[] body, Duration timeout,
                   boolean followRedirects) {

        public Request {
            method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException("an outbound request needs an absolute http(s) URL with a host");
            }
            headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("an outbound request's timeout must be positive: " + timeout);
            }
        }

        /** Method, scheme, host and port only: the path, query and headers may carry tokens. */
        @Override
        public String toString() {
            return "Request[" + method + " " + url.getScheme() + "://" + url.getHost()
                    + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "]";
        }

        /** A request with a body, no redirects followed. */
        public static Request json(String method, URI url, Map<String, String> headers, byte[] body, Duration timeout) {
            return new Request(method, url, headers, body, timeout, false);
        }
    }

    /**
     * The answer.
     *
     * @param status  the HTTP status of the last hop
     * @param headers response headers, names in lower case
     * @param body    the whole body (within the size limit)
     */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public Response {
            headers = Map.copyOf(headers);
            body = Objects.requireNonNull(body, "body");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
