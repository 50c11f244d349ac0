package dev.plugboard.adapter.rest.fuzz;

import io.micronaut.context.ApplicationContext;

/**
 * One application context of this module's test wiring (its JSON binding and token validation,
 * configured as the server's) for the whole fuzzing JVM: started once, used for every input.
 */
public final class FuzzContext {

    public static final String SECRET = "fuzz-secret-fuzz-secret-fuzz-secret-0123456789";

    private static ApplicationContext context;

    private FuzzContext() {
    }

    public static synchronized ApplicationContext get() {
        if (context == null) {
            context = ApplicationContext.builder("rest-contract")
                    .properties(java.util.Map.of("plugboard.jwt.secret", SECRET, "micronaut.server.port", -1))
                    .start();
        }
        return context;
    }
}
