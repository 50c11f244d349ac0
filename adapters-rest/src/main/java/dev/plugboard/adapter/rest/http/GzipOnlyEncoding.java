package dev.plugboard.adapter.rest.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

import java.util.Locale;

/**
 * Rewrites each request's {@code Accept-Encoding} to {@code gzip} or nothing before the server
 * picks a compression: Micronaut would otherwise answer {@code *} (or {@code snappy},
 * {@code deflate}) with encodings that common HTTP clients cannot read.
 */
@ChannelHandler.Sharable
final class GzipOnlyEncoding extends ChannelInboundHandlerAdapter {

    static final String NAME = "plugboard-gzip-only";

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest request && request.headers().contains(HttpHeaderNames.ACCEPT_ENCODING)) {
            if (acceptsGzip(String.join(",", request.headers().getAll(HttpHeaderNames.ACCEPT_ENCODING)))) {
                request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, "gzip");
            } else {
                request.headers().remove(HttpHeaderNames.ACCEPT_ENCODING);
            }
        }
        ctx.fireChannelRead(message);
    }

    /** RFC 9110 12.5.3: gzip by name with a q above 0, or {@code *} above 0 when gzip is not named. */
    static boolean acceptsGzip(String header) {
        Float gzip = null;
        float star = 0;
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            float q = quality(pieces);
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = Math.max(gzip == null ? 0 : gzip, q);
            } else if (coding.equals("*")) {
                star = q;
            }
        }
        return gzip != null ? gzip > 0 : star > 0;
    }

    private static float quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].strip();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    return Float.parseFloat(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
