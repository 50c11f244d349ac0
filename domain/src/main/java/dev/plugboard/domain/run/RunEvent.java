package dev.plugboard.domain.run;

import java.util.Locale;

/** What can happen to a run; {@link RunTransitions} says, per status, where each event leads or that it is refused. */
public enum RunEvent {
    /** An executor or external worker takes the run under a lease: a new attempt begins. */
    CLAIM("be claimed"),
    /** The attempt returned output. */
    COMPLETE("complete"),
    /** The attempt failed and no retry follows. */
    FAIL("fail"),
    /** Refused before it ever ran: circuit open, no handler, nobody claimed it in time. */
    REJECT("be rejected"),
    /** The attempt failed and another one is scheduled after a backoff. */
    RETRY("be retried"),
    /** The owner gave up on it. */
    CANCEL("be cancelled");

    private final String verb;

    RunEvent(String verb) {
        this.verb = verb;
    }

    /** How the event reads after "cannot", for messages. */
    public String verb() {
        return verb;
    }

    /** The lowercase name used in messages and problem details. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
