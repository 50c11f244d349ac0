package dev.plugboard.domain.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.plugboard.domain.run.RunFixtures.ID;
import static dev.plugboard.domain.run.RunStatus.CANCELLED;
import static dev.plugboard.domain.run.RunStatus.COMPLETED;
import static dev.plugboard.domain.run.RunStatus.FAILED;
import static dev.plugboard.domain.run.RunStatus.PENDING;
import static dev.plugboard.domain.run.RunStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks every one of the 25 from/to pairs against the lifecycle table of the product brief. */
class RunTransitionsTest {

    /** BRIEF.md: pending→processing|cancelled|failed; processing→completed|failed|cancelled|pending; terminal states go nowhere. */
    static final Map<RunStatus, Set<RunStatus>> BRIEF = Map.of(
            PENDING, Set.of(PROCESSING, CANCELLED, FAILED),
            PROCESSING, Set.of(COMPLETED, FAILED, CANCELLED, PENDING),
            COMPLETED, Set.of(),
            FAILED, Set.of(),
            CANCELLED, Set.of());

    static Stream<Arguments> allPairs() {
        return Arrays.stream(RunStatus.values()).flatMap(from -> Arrays.stream(RunStatus.values())
                .map(to -> Arguments.of(from, to, BRIEF.get(from).contains(to))));
    }

    static Stream<Arguments> legalPairs() {
        return allPairs().filter(arguments -> (boolean) arguments.get()[2]);
    }

    static Stream<Arguments> illegalPairs() {
        return allPairs().filter(arguments -> !(boolean) arguments.get()[2]);
    }

    @Test
    void givenTheBriefsTable_pairs_are25With7LegalAnd18Illegal() {
        assertThat(allPairs()).hasSize(25);
        assertThat(legalPairs()).hasSize(7);
        assertThat(illegalPairs()).hasSize(18);
    }

    @ParameterizedTest(name = "{0} -> {1}: allowed = {2}")
    @MethodSource("allPairs")
    void givenAnyPair_isAllowed_matchesTheBrief(RunStatus from, RunStatus to, boolean legal) {
        assertThat(RunTransitions.isAllowed(from, to)).isEqualTo(legal);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalPairs")
    void givenLegalPair_require_passes(RunStatus from, RunStatus to, boolean legal) {
        assertThatCode(() -> RunTransitions.require(ID, from, to)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("illegalPairs")
    void givenIllegalPair_require_throwsNamingRunFromAndTo(RunStatus from, RunStatus to, boolean legal) {
        assertThatThrownBy(() -> RunTransitions.require(ID, from, to))
                .isInstanceOfSatisfying(IllegalRunTransitionException.class, e -> {
                    assertThat(e.run()).isEqualTo(ID);
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.to()).isEqualTo(to);
                    assertThat(e.getMessage()).startsWith("run " + ID + " cannot move from " + from.wireName()
                            + " to " + to.wireName());
                    assertThat(e.details()).containsEntry("run", ID.toString())
                            .containsEntry("from", from.wireName()).containsEntry("to", to.wireName());
                });
    }

    @Test
    void givenEveryStatus_allowedFrom_isTheBriefsRowAndTerminalMeansEmpty() {
        for (RunStatus status : RunStatus.values()) {
            assertThat(RunTransitions.allowedFrom(status)).isEqualTo(BRIEF.get(status));
            assertThat(status.isTerminal()).isEqualTo(BRIEF.get(status).isEmpty());
        }
        assertThat(Arrays.stream(RunStatus.values()).filter(RunStatus::isTerminal))
                .containsExactlyInAnyOrder(COMPLETED, FAILED, CANCELLED);
    }

    @Test
    void givenAnyStatus_allowedFrom_cannotBeChangedByCallers() {
        assertThatThrownBy(() -> RunTransitions.allowedFrom(PENDING).add(COMPLETED))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(RunTransitions.isAllowed(PENDING, COMPLETED)).isFalse();
    }

    @Test
    void givenTerminalFrom_message_saysTheRunHasEnded() {
        assertThatThrownBy(() -> RunTransitions.require(ID, COMPLETED, PROCESSING))
                .hasMessage("run " + ID + " cannot move from completed to processing (it has already ended)");
    }

    @Test
    void givenNonTerminalFrom_message_listsTheAllowedNextStates() {
        assertThatThrownBy(() -> RunTransitions.require(ID, PENDING, COMPLETED))
                .hasMessage("run " + ID + " cannot move from pending to completed; allowed next: [processing, failed, cancelled]");
    }
}
