package dev.plugboard.adapter.rest.problem;

import dev.plugboard.adapter.rest.http.LingeringClose;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Renders every error the framework produces (malformed JSON, unknown routes, oversized bodies,
 * rejected tokens, unexpected exceptions) as problem+json, so clients parse one error shape only.
 */
@Primary
@Singleton
public final class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    /** Server faults carry no detail from the exception: it may name internals, and the log has it. */
    static final String SERVER_FAULT = "the server failed to handle this request; the error is logged. "
            + "Try again, and report it if it persists";

    static final String UNAUTHORIZED = "this endpoint needs a valid bearer token (Authorization: Bearer <JWT>); "
            + "the token was missing, expired, malformed or not signed with a trusted key";
    static final String FORBIDDEN = "your token does not carry the role this endpoint needs";

    static final String HEADERS_TOO_LARGE = "the request's headers are larger than this server accepts"
            + " (micronaut.server.netty.max-header-size, 8 KB by default); no token or cookie of Plugboard's is that"
            + " large: send smaller headers";
    static final String LINE_TOO_LONG = "the request line (method, path and query) is longer than this server accepts"
            + " (micronaut.server.netty.max-initial-line-length, 4 KB by default): shorten the path or query";

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        // Netty refuses oversized headers and request lines while decoding, and the framework answers both 413;
        // HTTP has their own statuses: 431 Request Header Fields Too Large and 414 URI Too Long.
        NettyHttpRequest<?> netty = context.getRequest() instanceof NettyHttpRequest<?> request ? request : null;
        Object decoding = netty != null ? netty.getNativeRequest().decoderResult().cause() : null;
        if (decoding instanceof TooLongHttpHeaderException) {
            return undecodable(netty, response, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, HEADERS_TOO_LARGE);
        }
        if (decoding instanceof TooLongHttpLineException) {
            return undecodable(netty, response, HttpStatus.REQUEST_URI_TOO_LONG, LINE_TOO_LONG);
        }
        int status = response.code();
        String detail = status >= 500 ? SERVER_FAULT : detailOf(context, response);
        return response.body(Problem.ofStatus(status, detail)).contentType(Problem.MEDIA_TYPE);
    }

    /**
     * A request Netty could not decode passes no filter, so it gets its request id here. Its connection
     * is closed after the answer (the rest of the request was never read), and says so, or a client
     * that keeps connections alive would send its next request into a closed one. The close lingers
     * ({@link LingeringClose}): a client still sending the rest of its request gets the answer all the same.
     */
    private static MutableHttpResponse<Problem> undecodable(NettyHttpRequest<?> request, MutableHttpResponse<?> response,
                                                            HttpStatus status, String detail) {
        LingeringClose.requestFor(request.getChannelHandlerContext().channel());
        String requestId = UUID.randomUUID().toString();
        return response.status(status).header("X-Request-Id", requestId).header("Connection", "close")
                .body(Problem.ofStatus(status.getCode(), detail).withRequestId(requestId))
                .contentType(Problem.MEDIA_TYPE);
    }

    private static String detailOf(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRootCause().orElse(null) instanceof AuthorizationException rejected) {
            return rejected.isForbidden() ? FORBIDDEN : UNAUTHORIZED;
        }
        Optional<String> badJson = context.getRootCause().flatMap(BodyErrors::describe);
        if (badJson.isPresent()) {
            return badJson.get();
        }
        if (!context.hasErrors()) {
            return response.reason();
        }
        return context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
    }
}
