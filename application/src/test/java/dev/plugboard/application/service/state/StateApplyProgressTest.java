package dev.plugboard.application.service.state;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.SettableManifests;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.in.ProgressListener;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.ApplyCommand;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A state apply tells its progress listener after each change it makes, and a dry run tells it nothing. */
class StateApplyProgressTest {

    private static final JsonDocument BOTH_OFF = JsonDocument.parse("""
            {"plugboard": "%s", "plugins": [{"name": "webhook", "enabled": false}, {"name": "analytics", "enabled": false}]}"""
            .formatted(StateExport.FORMAT));

    @Test
    void givenTwoSwitchesToChange_apply_tellsTheListenerAfterEachChange() {
        Plugboard plugboard = Plugboard.builder()
                .manifestSource(new SettableManifests(List.of(TestPlugins.registrableWebhook(), TestPlugins.analytics())))
                .build();
        plugboard.syncCatalog();
        List<String> told = new ArrayList<>();
        ProgressListener listener = (task, done, total) -> told.add(task + " " + done + "/" + total);

        plugboard.state().apply(new ApplyCommand(Actor.operator("ops"), BOTH_OFF, true, false, StateApplyProgressTest::none,
                listener));
        DeclarativeStateUseCase.ApplyReport applied = plugboard.state().apply(new ApplyCommand(Actor.operator("ops"), BOTH_OFF,
                false, false, StateApplyProgressTest::none, listener));

        assertThat(applied.changes()).hasSize(2);
        assertThat(told).containsExactly("apply state 1/2", "apply state 2/2");
        assertThat(plugboard.catalog().get("webhook").isEnabled()).isFalse();
    }

    private static Optional<String> none(String kind, String name) {
        return Optional.empty();
    }
}
