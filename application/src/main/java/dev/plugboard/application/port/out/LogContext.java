package dev.plugboard.application.port.out;

import java.util.Map;

/**
 * The fields every log line carries while a piece of work runs on the current thread (a run's
 * id, plugin and owner). The server fills SLF4J's MDC with them; without one, nothing is added.
 */
@FunctionalInterface
public interface LogContext {

    /** Adds {@code fields} to this thread's log context until the returned scope is closed. */
    Scope open(Map<String, String> fields);

    /** Ends the fields' presence in the log context; closing never fails. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Adds nothing: the default of an application embedded without a logging back end. */
    static LogContext none() {
        return fields -> () -> { };
    }
}
