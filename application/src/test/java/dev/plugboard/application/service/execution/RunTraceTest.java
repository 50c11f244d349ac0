package dev.plugboard.application.service.execution;

import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.domain.run.RunId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's outbound requests carry its W3C traceparent, whose trace id is the run id. */
class RunTraceTest {

    private static final RunId RUN = RunId.of(UUID.fromString("3f2b9c7e-1d4a-4c55-9a8e-2b7d6f0c1e23"));

    @Test
    void givenARun_itsTraceparent_isW3cWithTheRunIdAsTraceId() {
        assertThat(RunTrace.traceparent(RUN)).matches("00-3f2b9c7e1d4a4c559a8e2b7d6f0c1e23-[0-9a-f]{16}-01")
                .isNotEqualTo(RunTrace.traceparent(RUN));
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
