package dev.plugboard.application.spi;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler's {@code context.outbound()} is the client the builder was given; with none given and
 * none on the class path (as in this module), every request is refused: the default fails closed.
 */
class OutboundWiringTest {

    private static final PluginName FETCHER = PluginName.of("fetcher");
    private static final Caller ALICE = Caller.user("alice", null);

    /** Sends one GET to the URL of its input. */
    private static final class Fetcher implements PluginHandler {
        @Override
        public PluginManifest manifest() {
            return PluginManifest.builder(FETCHER.value(), "1.0.0").displayName("Fetcher").build();
        }

        @Override
        public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) throws Exception {
            OutboundHttp.Response response = context.outbound().send(new OutboundHttp.Request("GET",
                    URI.create((String) input.get("url").orElseThrow()), Map.of(), null, null, false));
            return JsonDocument.of(Map.of("status", response.status()));
        }
    }

    private static PluginRun runOnce(Plugboard plugboard) throws InterruptedException {
        plugboard.syncCatalog();
        plugboard.installations().install(new InstallPluginCommand(ALICE, FETCHER, Optional.empty(), Optional.empty()));
        PluginRun run = plugboard.runs().start(new StartRunCommand(ALICE, FETCHER,
                JsonDocument.of(Map.of("url", "https://api.example.test/v1?key=k")), RunTrigger.MANUAL, Optional.empty()));
        try (RunExecutor executor = plugboard.newExecutor()) {
            Instant deadline = Instant.now().plusSeconds(10);
            while (!plugboard.runs().get(ALICE.owner(), run.id()).status().isTerminal()) {
                assertThat(Instant.now()).as("the run ends in time").isBefore(deadline);
                executor.poll();
                Thread.sleep(10);
            }
        }
        return plugboard.runs().get(ALICE.owner(), run.id());
    }

    @Test
    void givenNoClient_aHandlersRequest_failsTheRunWithoutRetry() throws Exception {
        PluginRun run = runOnce(Plugboard.builder().handlers(new HandlerRegistry(List.of(new Fetcher()))).build());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.attempt()).isEqualTo(1);
        assertThat(run.error()).get().satisfies(error -> {
            assertThat(error.code()).isEqualTo("OUTBOUND_UNAVAILABLE");
            assertThat(error.message()).contains("api.example.test", "plugboard-adapters-outbound").doesNotContain("key=k");
        });
    }

    @Test
    void givenAClient_theHandlerSendsThroughIt() throws Exception {
        List<OutboundHttp.Request> sent = new CopyOnWriteArrayList<>();
        OutboundHttp client = request -> {
            sent.add(request);
            return new OutboundHttp.Response(204, Map.of(), new byte[0]);
        };

        PluginRun run = runOnce(Plugboard.builder().handlers(new HandlerRegistry(List.of(new Fetcher())))
                .outboundHttp(client).build());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.output()).get().satisfies(output -> assertThat(output.at("/status")).contains(204L));
        assertThat(sent).singleElement().satisfies(request ->
                assertThat(request.toString()).isEqualTo("Request[GET https://api.example.test]"));
    }
}
