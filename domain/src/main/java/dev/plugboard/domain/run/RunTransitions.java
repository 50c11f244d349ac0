package dev.plugboard.domain.run;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.plugboard.domain.run.RunStatus.CANCELLED;
import static dev.plugboard.domain.run.RunStatus.COMPLETED;
import static dev.plugboard.domain.run.RunStatus.FAILED;
import static dev.plugboard.domain.run.RunStatus.PENDING;
import static dev.plugboard.domain.run.RunStatus.PROCESSING;

/**
 * The run lifecycle as one table. {@code pending → processing → completed | failed};
 * {@code pending | processing → cancelled}; {@code pending → failed} when a run is rejected without
 * running (circuit open, say); {@code processing → pending} only as a scheduled retry. Nothing
 * leaves a terminal state.
 */
public final class RunTransitions {

    private static final Map<RunStatus, Set<RunStatus>> TABLE = new EnumMap<>(RunStatus.class);

    static {
        TABLE.put(PENDING, Collections.unmodifiableSet(EnumSet.of(PROCESSING, CANCELLED, FAILED)));
        TABLE.put(PROCESSING, Collections.unmodifiableSet(EnumSet.of(COMPLETED, FAILED, CANCELLED, PENDING)));
        TABLE.put(COMPLETED, Collections.unmodifiableSet(EnumSet.noneOf(RunStatus.class)));
        TABLE.put(FAILED, Collections.unmodifiableSet(EnumSet.noneOf(RunStatus.class)));
        TABLE.put(CANCELLED, Collections.unmodifiableSet(EnumSet.noneOf(RunStatus.class)));
    }

    private RunTransitions() {
    }

    public static Set<RunStatus> allowedFrom(RunStatus from) {
        return TABLE.get(from);
    }

    public static boolean isAllowed(RunStatus from, RunStatus to) {
        return TABLE.get(from).contains(to);
    }

    /** @throws IllegalRunTransitionException naming the run and both states when the move is not in the table */
    public static void require(RunId run, RunStatus from, RunStatus to) {
        if (!isAllowed(from, to)) {
            throw new IllegalRunTransitionException(run, from, to);
        }
    }
}
