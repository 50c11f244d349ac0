package dev.plugboard.application.service.execution;

import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.domain.run.PluginRun;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The outbound client a run's handler gets: each request carries the run's {@code traceparent}
 * unless the handler set one itself, so the receiving service can join the run's trace.
 */
record TracedOutbound(OutboundHttp delegate, PluginRun run) implements OutboundHttp {

    @Override
    public Response send(Request request) throws PluginFailure, IOException, InterruptedException {
        if (request.headers().keySet().stream().anyMatch(RunTrace.HEADER::equalsIgnoreCase)) {
            return delegate.send(request);
        }
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put(RunTrace.HEADER, RunTrace.traceparent(run));
        return delegate.send(new Request(request.method(), request.url(), headers, request.body(), request.timeout(),
                request.followRedirects()));
    }
}
