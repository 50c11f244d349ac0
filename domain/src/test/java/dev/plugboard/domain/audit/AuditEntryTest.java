package dev.plugboard.domain.audit;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditEntryTest {

    private static final UUID ID = UUID.fromString("0b8f7a2e-0000-4000-8000-000000000001");
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    private static final Actor ALICE = Actor.user("alice");
    private static final String TARGET = AuditEntry.pluginTarget("weather");

    private static AuditEntry entry(UUID id, Instant at, Actor actor, AuditAction action, String target,
                                    AuditEntry.Outcome outcome) {
        return new AuditEntry(id, at, actor, action, target, outcome, Optional.empty(), Optional.empty(), null);
    }

    @Test
    void givenEveryField_constructor_keepsThemAndDefaultsTheDetailToEmpty() {
        JsonDocument before = JsonDocument.parse("{\"enabled\": true}");
        JsonDocument after = JsonDocument.parse("{\"enabled\": false}");

        AuditEntry entry = new AuditEntry(ID, AT, ALICE, AuditAction.DISABLE, TARGET, AuditEntry.Outcome.SUCCESS,
                Optional.of(before), Optional.of(after), null);

        assertThat(entry.id()).isEqualTo(ID);
        assertThat(entry.at()).isEqualTo(AT);
        assertThat(entry.actor()).isEqualTo(ALICE);
        assertThat(entry.action()).isEqualTo(AuditAction.DISABLE);
        assertThat(entry.target()).isEqualTo("plugin:weather");
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.SUCCESS);
        assertThat(entry.before()).contains(before);
        assertThat(entry.after()).contains(after);
        assertThat(entry.detail()).isEmpty();
    }

    @Test
    void givenMissingId_constructor_refusesItNamingTheField() {
        assertThatThrownBy(() -> entry(null, AT, ALICE, AuditAction.INSTALL, TARGET, AuditEntry.Outcome.SUCCESS))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("audit id");
                    assertThat(e.rule()).isEqualTo("is required");
                });
    }

    @Test
    void givenMissingTime_constructor_refusesItNamingTheField() {
        assertThatThrownBy(() -> entry(ID, null, ALICE, AuditAction.INSTALL, TARGET, AuditEntry.Outcome.SUCCESS))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("audit time"));
    }

    @Test
    void givenMissingActor_constructor_refusesItNamingTheField() {
        assertThatThrownBy(() -> entry(ID, AT, null, AuditAction.INSTALL, TARGET, AuditEntry.Outcome.SUCCESS))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("actor"));
    }

    @Test
    void givenMissingAction_constructor_refusesItNamingTheField() {
        assertThatThrownBy(() -> entry(ID, AT, ALICE, null, TARGET, AuditEntry.Outcome.SUCCESS))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("action"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void givenBlankTarget_constructor_refusesItNamingTheField(String target) {
        assertThatThrownBy(() -> entry(ID, AT, ALICE, AuditAction.INSTALL, target, AuditEntry.Outcome.SUCCESS))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("target");
                    assertThat(e.rule()).isEqualTo("must not be blank");
                });
    }

    @Test
    void givenMissingOutcome_constructor_refusesItNamingTheField() {
        assertThatThrownBy(() -> entry(ID, AT, ALICE, AuditAction.INSTALL, TARGET, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("outcome"));
    }

    @Test
    void givenNullInsteadOfAnEmptyOptional_constructor_refusesBeforeAndAfter() {
        assertThatThrownBy(() -> new AuditEntry(ID, AT, ALICE, AuditAction.CONFIGURE, TARGET, AuditEntry.Outcome.FAILURE,
                null, Optional.empty(), "x"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("before"));
        assertThatThrownBy(() -> new AuditEntry(ID, AT, ALICE, AuditAction.CONFIGURE, TARGET, AuditEntry.Outcome.FAILURE,
                Optional.empty(), null, "x"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("after"));
    }

    @Test
    void givenTargetsOfEachKind_helpers_writeTheDocumentedForm() {
        assertThat(AuditEntry.pluginTarget("analytics")).isEqualTo("plugin:analytics");
        assertThat(AuditEntry.installationTarget("user:alice", "analytics")).isEqualTo("installation:user:alice/analytics");
        assertThat(AuditEntry.runTarget("3f2b9c7e")).isEqualTo("run:3f2b9c7e");
    }

    @Test
    void givenActors_toString_namesTheChannelAndId() {
        assertThat(Actor.user("alice")).hasToString("user:alice");
        assertThat(Actor.operator("root")).hasToString("operator:root");
        assertThat(Actor.system()).hasToString("system:plugboard");
        assertThat(AuditAction.RUN_CANCELLED.wireName()).isEqualTo("run_cancelled");
    }

    @Test
    void givenBlankActorId_actor_refusesIt() {
        assertThatThrownBy(() -> Actor.operator(" "))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("actor id"));
    }
}
