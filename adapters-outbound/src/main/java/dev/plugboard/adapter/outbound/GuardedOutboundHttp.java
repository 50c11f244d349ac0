package dev.plugboard.adapter.outbound;

import dev.plugboard.application.spi.OutboundBlockedException;
import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.application.spi.PluginFailure;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The guarded client every plugin request goes through (OkHttp underneath): internal addresses
 * are refused at name resolution and again at connect, each redirect hop is checked like the
 * first, and time and response size are bounded. No proxy is used, so none can relay a request
 * inside. The public no-argument constructor lets {@link java.util.ServiceLoader} provide it to
 * an embedding application, configured from {@code PLUGBOARD_OUTBOUND_ALLOW}.
 */
public final class GuardedOutboundHttp implements OutboundHttp, AutoCloseable {

    private final OutboundPolicy policy;
    private final AddressGuard guard;
    private OkHttpClient client;
    private ExecutorService callThreads;

    public GuardedOutboundHttp() {
        this(OutboundPolicy.fromSystem());
    }

    public GuardedOutboundHttp(OutboundPolicy policy) {
        this.policy = policy;
        this.guard = new AddressGuard(AllowList.parse(policy.allow()));
    }

    /**
     * The OkHttp client, built at the first request: a process that sends none (a CLI command) pays
     * neither for OkHttp's classes nor for its threads.
     */
    private synchronized OkHttpClient client() {
        if (client == null) {
            callThreads = Executors.newCachedThreadPool(daemonThreads());
            Dispatcher dispatcher = new Dispatcher(callThreads);
            // Run concurrency is bounded by the executor; OkHttp's own per-host limit of 5 would only queue calls.
            dispatcher.setMaxRequests(256);
            dispatcher.setMaxRequestsPerHost(256);
            client = new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .dns(new GuardedDns(guard))
                    .socketFactory(new GuardedSocketFactory(guard))
                    .proxy(Proxy.NO_PROXY)
                    .followRedirects(false) // followed here, hop by hop, so that each is checked and counted
                    .followSslRedirects(false)
                    .connectTimeout(policy.connectTimeout())
                    .readTimeout(policy.readTimeout())
                    .writeTimeout(policy.readTimeout())
                    .callTimeout(policy.callTimeout())
                    .build();
        }
        return client;
    }

    @Override
    public Response send(Request request) throws PluginFailure, IOException, InterruptedException {
        Duration budget = request.timeout() == null || request.timeout().compareTo(policy.callTimeout()) > 0
                ? policy.callTimeout() : request.timeout();
        long deadline = System.nanoTime() + budget.toNanos();
        okhttp3.Request next = toOkHttp(request);
        for (int redirects = 0; ; redirects++) {
            refuseInternalLiteral(next.url());
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new InterruptedIOException("timeout");
            }
            LimitedExchange.Hop hop = LimitedExchange.run(clientFor(left).newCall(next), policy.maxResponseBytes(),
                    request.followRedirects(), left + 1000);
            if (hop.location() == null) {
                return new Response(hop.status(), hop.headers(), hop.body());
            }
            if (redirects >= policy.maxRedirects()) {
                throw new PluginFailure("OUTBOUND_TOO_MANY_REDIRECTS", "outbound request to " + request.url().getHost()
                        + " was redirected more than " + policy.maxRedirects() + " times (plugboard.outbound.max-redirects)",
                        false);
            }
            next = Redirects.next(next, hop.status(), hop.location());
        }
    }

    /** An IP literal is judged before anything is sent, so no connection to it is even attempted. */
    private void refuseInternalLiteral(HttpUrl url) throws OutboundBlockedException {
        IPAddress literal = new IPAddressString(url.host()).getAddress();
        if (literal == null) {
            return; // a name: the guarded DNS judges it
        }
        try {
            guard.check(url.host(), literal.toInetAddress()); // parsed, never looked up
        } catch (RefusedAddressException refused) {
            throw new OutboundBlockedException(refused.getMessage());
        }
    }

    private OkHttpClient clientFor(long millisLeft) {
        OkHttpClient client = client();
        if (millisLeft >= policy.callTimeout().toMillis()) {
            return client;
        }
        // Shares the connection pool, dispatcher and guards; only the time limits are shorter.
        return client.newBuilder()
                .callTimeout(Duration.ofMillis(millisLeft))
                .connectTimeout(Duration.ofMillis(Math.min(millisLeft, policy.connectTimeout().toMillis())))
                .readTimeout(Duration.ofMillis(Math.min(millisLeft, policy.readTimeout().toMillis())))
                .build();
    }

    private static okhttp3.Request toOkHttp(Request request) {
        okhttp3.Request.Builder builder = new okhttp3.Request.Builder().url(HttpUrl.get(request.url().toString()));
        request.headers().forEach(builder::header);
        RequestBody body = null;
        if (request.body() != null) {
            String type = request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                    .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
            body = RequestBody.create(request.body(), type == null ? null : MediaType.parse(type));
        } else if (request.method().equals("POST") || request.method().equals("PUT") || request.method().equals("PATCH")) {
            body = RequestBody.create(new byte[0], null);
        }
        return builder.method(request.method(), body).build();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "plugboard-outbound-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Ends idle connections and the call threads. */
    @Override
    public synchronized void close() {
        if (client != null) {
            callThreads.shutdownNow();
            client.connectionPool().evictAll();
        }
    }
}
