package dev.plugboard.domain.run;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.plugboard.domain.run.RunStatus.CANCELLED;
import static dev.plugboard.domain.run.RunStatus.COMPLETED;
import static dev.plugboard.domain.run.RunStatus.FAILED;
import static dev.plugboard.domain.run.RunStatus.PENDING;
import static dev.plugboard.domain.run.RunStatus.PROCESSING;

/**
 * The run lifecycle as one table, the only place where moves are decided: (status, event) → next
 * status. Every pair not in the table is refused; nothing leaves a terminal state.
 */
public final class RunTransitions {

    /** A key of the table: in this status, this event happens. */
    public record Move(RunStatus from, RunEvent event) {
    }

    private static final Map<Move, RunStatus> TABLE;

    static {
        Map<Move, RunStatus> table = new LinkedHashMap<>();
        table.put(new Move(PENDING, RunEvent.CLAIM), PROCESSING);
        table.put(new Move(PENDING, RunEvent.REJECT), FAILED);
        table.put(new Move(PENDING, RunEvent.CANCEL), CANCELLED);
        table.put(new Move(PROCESSING, RunEvent.COMPLETE), COMPLETED);
        table.put(new Move(PROCESSING, RunEvent.FAIL), FAILED);
        table.put(new Move(PROCESSING, RunEvent.RETRY), PENDING);
        table.put(new Move(PROCESSING, RunEvent.CANCEL), CANCELLED);
        TABLE = Collections.unmodifiableMap(table);
    }

    private RunTransitions() {
    }

    /** The whole table, in a stable order, for documentation and tests. */
    public static Map<Move, RunStatus> table() {
        return TABLE;
    }

    /** Where {@code event} takes a run that is {@code from}, or empty when the lifecycle refuses it. */
    public static Optional<RunStatus> next(RunStatus from, RunEvent event) {
        return Optional.ofNullable(TABLE.get(new Move(from, event)));
    }

    /**
     * @return the status {@code event} leads to from {@code from}
     * @throws IllegalRunTransitionException naming the run, its status and the event when the pair is not in the table
     */
    public static RunStatus require(RunId run, RunStatus from, RunEvent event) {
        return next(from, event).orElseThrow(() -> new IllegalRunTransitionException(run, from, event));
    }

    /** The events a run in {@code from} accepts; empty for a terminal status. */
    public static Set<RunEvent> eventsFrom(RunStatus from) {
        Set<RunEvent> events = EnumSet.noneOf(RunEvent.class);
        TABLE.keySet().stream().filter(move -> move.from() == from).forEach(move -> events.add(move.event()));
        return Collections.unmodifiableSet(events);
    }

    /** The statuses reachable from {@code from} in one move, whatever the event. */
    public static Set<RunStatus> allowedFrom(RunStatus from) {
        Set<RunStatus> reachable = EnumSet.noneOf(RunStatus.class);
        TABLE.forEach((move, to) -> {
            if (move.from() == from) {
                reachable.add(to);
            }
        });
        return Collections.unmodifiableSet(reachable);
    }
}
