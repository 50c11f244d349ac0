package dev.plugboard.bootstrap.logging;

import dev.plugboard.application.port.out.LogContext;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

/** The log context as SLF4J's MDC: the fields appear in every line (plain and JSON) until the scope closes. */
public final class MdcLogContext implements LogContext {

    @Override
    public Scope open(Map<String, String> fields) {
        Map<String, String> previous = new HashMap<>();
        fields.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        });
        // Restores what was there before, so a nested scope (a run started within a request) leaves the outer intact.
        return () -> previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
