package dev.plugboard.application.service.monitoring;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimCommand;
import dev.plugboard.application.port.in.execution.WorkerRunsUseCase.ClaimedRun;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.domain.alert.Alert;
import dev.plugboard.domain.alert.AlertKind;
import dev.plugboard.domain.alert.AlertStatus;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.health.HealthState;
import dev.plugboard.domain.health.PluginHealth;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.PluginHandler;
import org.junit.jupiter.api.Test;

import dev.plugboard.domain.health.HealthPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Health and alerts of an embedded Plugboard, everything in memory. */
class HealthAndAlertsInMemoryTest {

    private static final PluginName FLAKY = PluginName.of("flaky");
    private static final PluginName PAGER = PluginName.of("pager");

    private final List<String> warnings = new ArrayList<>();
    private final Plugboard plugboard = Plugboard.builder()
            .manifest(PluginManifest.builder("flaky", "1.0.0").execution(ExecutionPolicy.external()).build())
            .manifest(PluginManifest.builder("pager", "1.0.0").capabilities(List.of("event:plugin.unhealthy"))
                    .execution(ExecutionPolicy.external()).build())
            .alertLog(warnings::add)
            // The last 5 finished runs count, so that 5 successes outweigh 5 failures.
            .healthSettings(new HealthSettings(HealthPolicy.DEFAULT, Duration.ofMinutes(15), 5, Duration.ofMinutes(5),
                    100, Duration.ofSeconds(2), Owner.user("ops")))
            .build();
    private final Caller alice = Caller.user("alice", null);
    private final Caller ops = Caller.user("ops", null);

    @Test
    void givenFailingRuns_thePluginIsUnhealthy_theAlertIsPublishedToTheOperator_andResolvesAfterSuccesses() {
        plugboard.syncCatalog();
        plugboard.installations().install(new InstallPluginCommand(alice, FLAKY, Optional.empty(), Optional.empty()));
        plugboard.installations().install(new InstallPluginCommand(ops, PAGER, Optional.empty(), Optional.empty()));
        finish(5, false);

        assertThat(plugboard.evaluateHealth()).isEqualTo(2);

        PluginHealth flaky = health(FLAKY);
        assertThat(flaky.state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(flaky.score()).isZero();
        Alert alert = plugboard.alerts().list(Optional.of(AlertStatus.OPEN), 10).stream()
                .filter(a -> a.subject().equals("flaky")).findFirst().orElseThrow();
        assertThat(alert.kind()).isEqualTo(AlertKind.PLUGIN_UNHEALTHY);
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("plugin.unhealthy").contains("flaky"));
        List<ClaimedRun> delivered = plugboard.workers().claim(new ClaimCommand("w", Set.of(PAGER), 10, 30));
        assertThat(delivered).singleElement().satisfies(run -> {
            assertThat(run.run().owner()).isEqualTo(Owner.user("ops"));
            assertThat(run.run().input().at("/data/subject")).contains("flaky");
        });

        plugboard.evaluateHealth();
        assertThat(plugboard.alerts().list(Optional.empty(), 10)).filteredOn(a -> a.subject().equals("flaky"))
                .singleElement().satisfies(a -> assertThat(a.count()).isEqualTo(2));

        finish(5, true);
        plugboard.evaluateHealth();

        assertThat(health(FLAKY).state()).isEqualTo(HealthState.HEALTHY);
        assertThat(plugboard.alerts().list(Optional.of(AlertStatus.RESOLVED), 10)).extracting(Alert::id).contains(alert.id());
        assertThat(plugboard.health().forCaller(alice, FLAKY).own().finished()).isEqualTo(5);
        assertThat(plugboard.alerts().acknowledge(Actor.operator("op"), alert.id()).status()).isEqualTo(AlertStatus.RESOLVED);
    }

    private PluginHealth health(PluginName plugin) {
        return plugboard.health().all().stream().filter(h -> h.plugin().equals(plugin)).findFirst().orElseThrow();
    }

    private void finish(int count, boolean succeed) {
        for (int i = 0; i < count; i++) {
            plugboard.runs().start(new StartRunCommand(alice, FLAKY, JsonDocument.empty(), RunTrigger.MANUAL, Optional.empty()));
        }
        for (ClaimedRun claimed : plugboard.workers().claim(new ClaimCommand("w", Set.of(FLAKY), count, 30))) {
            if (succeed) {
                plugboard.workers().complete("w", claimed.run().id(), JsonDocument.empty());
            } else {
                plugboard.workers().fail("w", claimed.run().id(), "BAD_PAYLOAD", "bad", false);
            }
        }
    }

    @Test
    void givenAnInProcessHandlerWithItsOwnCheck_theJobCallsIt_andAHangingCheckCountsAsUnhealthy() {
        PluginHandler degraded = checked("self-degraded", () -> Optional.of(HealthState.DEGRADED));
        PluginHandler hanging = checked("self-hanging", () -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(HealthState.HEALTHY);
        });
        Plugboard checking = Plugboard.builder().handlers(new HandlerRegistry(List.of(degraded, hanging)))
                .healthSettings(new HealthSettings(HealthPolicy.DEFAULT, Duration.ofMinutes(15), 5, Duration.ofMinutes(5),
                        100, Duration.ofMillis(200), Owner.user("ops")))
                .build();
        checking.syncCatalog();

        checking.evaluateHealth();

        assertThat(checking.health().all()).filteredOn(h -> h.plugin().value().equals("self-degraded")).singleElement()
                .satisfies(h -> {
                    assertThat(h.state()).isEqualTo(HealthState.DEGRADED);
                    assertThat(h.reason()).contains("health check: degraded");
                });
        assertThat(checking.health().all()).filteredOn(h -> h.plugin().value().equals("self-hanging")).singleElement()
                .satisfies(h -> assertThat(h.state()).isEqualTo(HealthState.UNHEALTHY));
        assertThat(checking.alerts().list(Optional.of(AlertStatus.OPEN), 10)).extracting(Alert::kind)
                .containsExactlyInAnyOrder(AlertKind.PLUGIN_DEGRADED, AlertKind.PLUGIN_UNHEALTHY);
    }

    private static PluginHandler checked(String name, java.util.function.Supplier<Optional<HealthState>> check) {
        PluginManifest manifest = PluginManifest.builder(name, "1.0.0").build();
        return new PluginHandler() {
            @Override
            public PluginManifest manifest() {
                return manifest;
            }

            @Override
            public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) {
                return JsonDocument.empty();
            }

            @Override
            public Optional<HealthState> health() {
                return check.get();
            }
        };
    }
}
