package dev.plugboard.application.service.execution;

import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.run.TraceContext;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's outbound requests carry its W3C traceparent: the starting caller's trace, else the run id as trace id. */
class RunTraceTest {

    private static final PluginRun RUN = PluginRun.create(RunId.of(UUID.fromString("3f2b9c7e-1d4a-4c55-9a8e-2b7d6f0c1e23")),
            Owner.user("alice"), PluginName.of("webhook"), RunTrigger.MANUAL, JsonDocument.empty(), Optional.empty(),
            Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void givenARun_itsTraceparent_isW3cWithTheRunIdAsTraceId() {
        assertThat(RunTrace.traceparent(RUN)).matches("00-3f2b9c7e1d4a4c559a8e2b7d6f0c1e23-[0-9a-f]{16}-01")
                .isNotEqualTo(RunTrace.traceparent(RUN));
    }

    @Test
    void givenARunStartedWithinACallersTrace_itsTraceparent_continuesThatTrace_withANewSpan() {
        PluginRun joined = RUN.withTrace(new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"));

        assertThat(RunTrace.traceId(joined)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(RunTrace.traceparent(joined)).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void givenAHandlersRequest_tracedOutbound_addsTheRunsTraceparent_unlessTheHandlerSetOne() throws Exception {
        List<OutboundHttp.Request> sent = new ArrayList<>();
        OutboundHttp traced = new TracedOutbound(request -> {
            sent.add(request);
            return new OutboundHttp.Response(204, Map.of(), new byte[0]);
        }, RUN);

        traced.send(OutboundHttp.Request.json("POST", URI.create("https://hooks.example.com/x"), Map.of("X-A", "1"), null, null));
        traced.send(OutboundHttp.Request.json("POST", URI.create("https://hooks.example.com/x"),
                Map.of("TraceParent", "00-11111111111111111111111111111111-2222222222222222-01"), null, null));

        assertThat(sent.get(0).headers()).containsEntry("X-A", "1")
                .hasEntrySatisfying("traceparent", value -> assertThat(value).startsWith("00-3f2b9c7e1d4a4c559a8e2b7d6f0c1e23-"));
        assertThat(sent.get(1).headers()).containsOnlyKeys("TraceParent");
    }
}
