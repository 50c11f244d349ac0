package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanLimitsTest {

    private static final Owner ALICE = Owner.user("alice");
    private static final PlanLimits LIMITS = PlanLimits.DEFAULT;

    @Test
    void givenKnownPlans_limitFor_answersTheirLimits() {
        assertThat(LIMITS.limitFor("free")).isEqualTo(5);
        assertThat(LIMITS.limitFor("pro")).isEqualTo(50);
        assertThat(LIMITS.limitFor("enterprise")).isEqualTo(1000);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"gold", "", "FREE"})
    void givenNoPlanOrAnUnknownOne_limitFor_fallsBackToTheDefaultPlan(String plan) {
        assertThat(LIMITS.effectivePlan(plan)).isEqualTo("free");
        assertThat(LIMITS.limitFor(plan)).isEqualTo(5);
    }

    @Test
    void givenRoomLeft_requireRoomForOneMore_passes() {
        assertThatCode(() -> LIMITS.requireRoomForOneMore(ALICE, "free", 4)).doesNotThrowAnyException();
    }

    @Test
    void givenLimitReached_requireRoomForOneMore_throwsCarryingPlanLimitAndCurrent() {
        assertThatThrownBy(() -> LIMITS.requireRoomForOneMore(ALICE, "pro", 50))
                .isInstanceOfSatisfying(PlanLimitExceededException.class, e -> {
                    assertThat(e.owner()).isEqualTo(ALICE);
                    assertThat(e.plan()).isEqualTo("pro");
                    assertThat(e.limit()).isEqualTo(50);
                    assertThat(e.current()).isEqualTo(50);
                    assertThat(e.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED);
                    assertThat(e.code()).isEqualTo("plan_limit_exceeded");
                    assertThat(e.details()).containsEntry("plan", "pro").containsEntry("limit", 50)
                            .containsEntry("current", 50L).containsEntry("owner", "user:alice");
                    assertThat(e.getMessage()).isEqualTo("plan 'pro' allows 50 installations and user:alice has 50; "
                            + "uninstall a plugin or move to a larger plan");
                });
    }

    @Test
    void givenUnknownPlanAtTheDefaultLimit_requireRoomForOneMore_namesTheDefaultPlan() {
        assertThatThrownBy(() -> LIMITS.requireRoomForOneMore(ALICE, "gold", 5))
                .isInstanceOfSatisfying(PlanLimitExceededException.class, e -> {
                    assertThat(e.plan()).isEqualTo("free");
                    assertThat(e.limit()).isEqualTo(5);
                });
    }

    @Test
    void givenPlanAllowingOne_message_usesTheSingular() {
        PlanLimits single = new PlanLimits(Map.of("trial", 1), "trial");

        assertThatThrownBy(() -> single.requireRoomForOneMore(ALICE, null, 1))
                .hasMessageStartingWith("plan 'trial' allows 1 installation and user:alice has 1;");
    }

    @Test
    void givenPlanAllowingNone_requireRoomForOneMore_refusesTheFirst() {
        PlanLimits closed = new PlanLimits(Map.of("closed", 0), "closed");

        assertThatThrownBy(() -> closed.requireRoomForOneMore(ALICE, "closed", 0))
                .isInstanceOfSatisfying(PlanLimitExceededException.class, e -> assertThat(e.current()).isZero());
    }

    @Test
    void givenDefaultPlanNotConfigured_constructor_refusesItListingThePlans() {
        assertThatThrownBy(() -> new PlanLimits(Map.of("pro", 50), "free"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("default plan");
                    assertThat(e.value()).isEqualTo("free");
                    assertThat(e.rule()).contains("[pro]");
                });
    }

    @Test
    void givenNegativeOrMissingLimit_constructor_refusesItNamingThePlan() {
        Map<String, Integer> limits = new HashMap<>();
        limits.put("free", 5);
        limits.put("odd", null);

        assertThatThrownBy(() -> new PlanLimits(Map.of("free", -1), "free"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("installation limit of plan free");
                    assertThat(e.value()).isEqualTo("-1");
                });
        assertThatThrownBy(() -> new PlanLimits(limits, "free"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("installation limit of plan odd"));
    }

    @Test
    void givenMutableMap_constructor_keepsAnImmutableCopy() {
        Map<String, Integer> limits = new HashMap<>(Map.of("free", 5));
        PlanLimits planLimits = new PlanLimits(limits, "free");

        limits.put("free", 500);

        assertThat(planLimits.limitFor("free")).isEqualTo(5);
        assertThatThrownBy(() -> planLimits.maxInstallations().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
