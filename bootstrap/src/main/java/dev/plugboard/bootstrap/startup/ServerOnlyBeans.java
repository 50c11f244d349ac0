package dev.plugboard.bootstrap.startup;

import java.util.List;

/**
 * The bean definitions only the HTTP server uses: a command (every {@code plugboard} command but
 * {@code serve}) starts its context without them, so that their classes are never loaded (issue 14,
 * docs/benchmarks/read-commands.md). Commands already switch these features off by configuration
 * (CommandContext); leaving the definitions out saves loading and checking some 300 of the jar's
 * 792 bean definitions, with the classes they pull in.
 */
public final class ServerOnlyBeans {

    /** Class name prefixes of the bean definitions a command leaves out. */
    public static final List<String> PREFIXES = List.of(
            "dev.plugboard.adapter.rest.",
            "dev.plugboard.adapter.console.",
            "io.micronaut.security.",
            "io.micronaut.http.server.",
            "io.micronaut.http.netty.",
            "io.micronaut.http.ssl.",
            "io.micronaut.http.body.",
            "io.micronaut.http.resource.",
            "io.micronaut.web.router.",
            "io.micronaut.runtime.http.",
            "io.micronaut.management.",
            "io.micronaut.configuration.metrics.",
            "io.micronaut.views.",
            // Micronaut Data's repository interceptors and web binders: Plugboard has no Micronaut Data repository
            // (the persistence adapter is plain SQL); a new repository would need these three prefixes removed
            "io.micronaut.data.intercept.",
            "io.micronaut.data.runtime.intercept.",
            "io.micronaut.data.runtime.http.");

    private ServerOnlyBeans() {
    }

    /** Before Micronaut starts, for every command but {@code serve}. */
    public static void leaveOutForCommand() {
        JarServiceIndex.leaveOut(PREFIXES);
    }
}
