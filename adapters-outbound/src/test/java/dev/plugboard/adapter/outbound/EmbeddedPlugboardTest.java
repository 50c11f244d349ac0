package dev.plugboard.adapter.outbound;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application embedding Plugboard in memory, with this module on its class path, gets the
 * guarded client without wiring anything: a handler's request to loopback fails its run.
 */
class EmbeddedPlugboardTest {

    /** Fetches the URL given as input through its context's client. */
    private static final class Fetcher implements PluginHandler {
        @Override
        public PluginManifest manifest() {
            return PluginManifest.builder("fetcher", "1.0.0").displayName("Fetcher").build();
        }

        @Override
        public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) throws Exception {
            URI url = URI.create((String) input.get("url").orElseThrow());
            OutboundHttp.Response response = context.outbound().send(
                    new OutboundHttp.Request("GET", url, Map.of(), null, Duration.ofSeconds(5), false));
            return JsonDocument.of(Map.of("status", response.status()));
        }
    }

    @Test
    void givenTheDefaultWiring_aHandlersRequestToLoopback_failsTheRunWithOutboundBlocked() throws Exception {
        Plugboard plugboard = Plugboard.builder().handlers(new HandlerRegistry(List.of(new Fetcher()))).build();
        plugboard.syncCatalog();
        Caller alice = Caller.user("alice", null);
        PluginName fetcher = PluginName.of("fetcher");
        plugboard.installations().install(new InstallPluginCommand(alice, fetcher, Optional.empty(), Optional.empty()));
        PluginRun run = plugboard.runs().start(new StartRunCommand(alice, fetcher,
                JsonDocument.of(Map.of("url", "http://127.0.0.1:9/")), RunTrigger.MANUAL, Optional.empty()));

        try (RunExecutor executor = plugboard.newExecutor()) {
            Instant deadline = Instant.now().plusSeconds(30);
            while (plugboard.runs().get(alice.owner(), run.id()).status() != RunStatus.FAILED) {
                assertThat(Instant.now()).as("the run fails in time").isBefore(deadline);
                executor.poll();
                Thread.sleep(20);
            }
        }
        PluginRun failed = plugboard.runs().get(alice.owner(), run.id());
        assertThat(failed.error()).get().satisfies(error -> {
            assertThat(error.code()).isEqualTo("OUTBOUND_BLOCKED");
            assertThat(error.message()).contains("127.0.0.1 (loopback)");
        });
        assertThat(failed.attempt()).isEqualTo(1);
    }
}
