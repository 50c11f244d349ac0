package dev.plugboard.adapter.outbound;

import dev.plugboard.application.spi.OutboundBlockedException;
import dev.plugboard.application.spi.PluginFailure;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One hop: runs the call on OkHttp's threads so that the caller can be interrupted at any moment
 * (a blocking socket read cannot be), and reads at most the allowed number of body bytes.
 */
final class LimitedExchange {

    /** What one hop answered; {@code location} is set, and {@code body} empty, for a redirect to follow. */
    record Hop(int status, Map<String, List<String>> headers, byte[] body, String location) {
    }

    private LimitedExchange() {
    }

    static Hop run(Call call, long maxBytes, boolean followRedirects, long waitMillis)
            throws PluginFailure, IOException, InterruptedException {
        CompletableFuture<Hop> result = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                result.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call done, Response response) {
                try (response) {
                    result.complete(read(response, maxBytes, followRedirects));
                } catch (IOException | PluginFailure | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        try {
            // The call timeout ends the call first; this wait is only a backstop.
            return result.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            call.cancel();
            throw e;
        } catch (TimeoutException e) {
            call.cancel();
            throw new InterruptedIOException("timeout");
        } catch (ExecutionException e) {
            throw unwrap(call, e.getCause());
        }
    }

    private static Hop read(Response response, long maxBytes, boolean followRedirects) throws IOException, PluginFailure {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().toMultimap().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        String location = response.header("Location");
        if (followRedirects && Redirects.isRedirect(response.code()) && location != null) {
            return new Hop(response.code(), headers, new byte[0], location);
        }
        ResponseBody body = response.body();
        if (body == null) {
            return new Hop(response.code(), headers, new byte[0], null);
        }
        if (body.contentLength() > maxBytes) {
            throw tooLarge(response, maxBytes);
        }
        BufferedSource source = body.source();
        Buffer kept = new Buffer();
        // Stop reading one byte past the limit: a gzip bomb or an endless stream costs no more than that.
        while (kept.size() <= maxBytes && source.read(kept, Math.min(8192, maxBytes + 1 - kept.size())) != -1) {
            if (kept.size() > maxBytes) {
                throw tooLarge(response, maxBytes);
            }
        }
        return new Hop(response.code(), headers, kept.readByteArray(), null);
    }

    private static PluginFailure tooLarge(Response response, long maxBytes) {
        return new PluginFailure("OUTBOUND_RESPONSE_TOO_LARGE", "the response from " + response.request().url().host()
                + " is larger than " + maxBytes + " bytes (plugboard.outbound.max-response-bytes)", false);
    }

    private static IOException unwrap(Call call, Throwable cause) throws PluginFailure, IOException {
        RefusedAddressException refused = refusalIn(cause, 0);
        if (refused != null) {
            throw new OutboundBlockedException(refused.getMessage());
        }
        if (cause instanceof PluginFailure failure) {
            throw failure;
        }
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException("outbound request to " + call.request().url().host() + " failed: " + cause, cause);
    }

    /** OkHttp may wrap the refusal or keep it among the suppressed failures of the addresses it tried. */
    private static RefusedAddressException refusalIn(Throwable failure, int depth) {
        if (failure == null || depth > 8) {
            return null;
        }
        if (failure instanceof RefusedAddressException refused) {
            return refused;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            RefusedAddressException found = refusalIn(suppressed, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return refusalIn(failure.getCause(), depth + 1);
    }
}
