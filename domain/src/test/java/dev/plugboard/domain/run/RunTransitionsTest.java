package dev.plugboard.domain.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.plugboard.domain.run.RunEvent.CANCEL;
import static dev.plugboard.domain.run.RunEvent.CLAIM;
import static dev.plugboard.domain.run.RunEvent.COMPLETE;
import static dev.plugboard.domain.run.RunEvent.FAIL;
import static dev.plugboard.domain.run.RunEvent.REJECT;
import static dev.plugboard.domain.run.RunEvent.RETRY;
import static dev.plugboard.domain.run.RunFixtures.ID;
import static dev.plugboard.domain.run.RunStatus.CANCELLED;
import static dev.plugboard.domain.run.RunStatus.COMPLETED;
import static dev.plugboard.domain.run.RunStatus.FAILED;
import static dev.plugboard.domain.run.RunStatus.PENDING;
import static dev.plugboard.domain.run.RunStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks every (status, event) pair, all 30, against the lifecycle of the product brief: in the table, or refused. */
class RunTransitionsTest {

    /** BRIEF.md, written out by event: pending→processing|cancelled|failed; processing→completed|failed|cancelled|pending. */
    static final Map<RunTransitions.Move, RunStatus> BRIEF = Map.of(
            new RunTransitions.Move(PENDING, CLAIM), PROCESSING,
            new RunTransitions.Move(PENDING, REJECT), FAILED,
            new RunTransitions.Move(PENDING, CANCEL), CANCELLED,
            new RunTransitions.Move(PROCESSING, COMPLETE), COMPLETED,
            new RunTransitions.Move(PROCESSING, FAIL), FAILED,
            new RunTransitions.Move(PROCESSING, RETRY), PENDING,
            new RunTransitions.Move(PROCESSING, CANCEL), CANCELLED);

    static Stream<Arguments> allPairs() {
        return Arrays.stream(RunStatus.values()).flatMap(from -> Arrays.stream(RunEvent.values())
                .map(event -> Arguments.of(from, event, BRIEF.get(new RunTransitions.Move(from, event)))));
    }

    static Stream<Arguments> legalPairs() {
        return allPairs().filter(arguments -> arguments.get()[2] != null);
    }

    static Stream<Arguments> illegalPairs() {
        return allPairs().filter(arguments -> arguments.get()[2] == null);
    }

    @Test
    void givenTheBriefsLifecycle_pairs_are30With7LegalAnd23Refused() {
        assertThat(allPairs()).hasSize(30);
        assertThat(legalPairs()).hasSize(7);
        assertThat(illegalPairs()).hasSize(23);
    }

    @Test
    void givenTheCode_table_isExactlyTheBriefs() {
        assertThat(RunTransitions.table()).isEqualTo(BRIEF);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("legalPairs")
    void givenLegalPair_require_answersTheNextStatus(RunStatus from, RunEvent event, RunStatus to) {
        assertThat(RunTransitions.require(ID, from, event)).isEqualTo(to);
        assertThat(RunTransitions.next(from, event)).contains(to);
    }

    @ParameterizedTest(name = "{0} + {1} refused")
    @MethodSource("illegalPairs")
    void givenRefusedPair_require_throwsNamingRunStatusAndEvent(RunStatus from, RunEvent event, RunStatus none) {
        assertThat(RunTransitions.next(from, event)).isEmpty();
        assertThatThrownBy(() -> RunTransitions.require(ID, from, event))
                .isInstanceOfSatisfying(IllegalRunTransitionException.class, e -> {
                    assertThat(e.run()).isEqualTo(ID);
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.event()).isEqualTo(event);
                    assertThat(e.getMessage()).startsWith("run " + ID + " cannot " + event.verb() + " while " + from.wireName());
                    assertThat(e.details()).containsEntry("run", ID.toString())
                            .containsEntry("from", from.wireName()).containsEntry("event", event.wireName());
                });
    }

    @Test
    void givenEveryStatus_allowedFrom_isTheBriefsRowAndTerminalMeansEmpty() {
        Map<RunStatus, Set<RunStatus>> rows = Map.of(
                PENDING, Set.of(PROCESSING, CANCELLED, FAILED),
                PROCESSING, Set.of(COMPLETED, FAILED, CANCELLED, PENDING),
                COMPLETED, Set.of(), FAILED, Set.of(), CANCELLED, Set.of());
        for (RunStatus status : RunStatus.values()) {
            assertThat(RunTransitions.allowedFrom(status)).isEqualTo(rows.get(status));
            assertThat(status.isTerminal()).isEqualTo(rows.get(status).isEmpty());
        }
    }

    @Test
    void givenTheTable_callers_cannotChangeIt() {
        assertThatThrownBy(() -> RunTransitions.table().put(new RunTransitions.Move(COMPLETED, CLAIM), PROCESSING))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> RunTransitions.eventsFrom(PENDING).add(COMPLETE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenTerminalStatus_message_saysTheRunHasEnded() {
        assertThatThrownBy(() -> RunTransitions.require(ID, COMPLETED, CLAIM))
                .hasMessage("run " + ID + " cannot be claimed while completed (it has already ended)");
    }

    @Test
    void givenLiveStatus_message_listsTheEventsItAccepts() {
        assertThatThrownBy(() -> RunTransitions.require(ID, PENDING, COMPLETE))
                .hasMessage("run " + ID + " cannot complete while pending; it can now: [claim, reject, cancel]");
    }
}
