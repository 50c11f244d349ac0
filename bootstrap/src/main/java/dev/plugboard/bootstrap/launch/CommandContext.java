package dev.plugboard.bootstrap.launch;

import dev.plugboard.bootstrap.launch.LaunchConfiguration.DatabaseUse;

import java.util.Map;

/**
 * What a command's application context leaves out. The server's ({@code serve}, and the servers
 * tests start) has every bean; every other command's switches off Micronaut's bean configurations
 * that only the HTTP server uses, so that a read command answers quickly (issue 14,
 * docs/benchmarks/read-commands.md). A configuration switched off disables all its beans at once,
 * before any of their own conditions is evaluated.
 */
final class CommandContext {

    private CommandContext() {
    }

    /** Properties only a command (not the server) is started with. */
    static Map<String, Object> properties(DatabaseUse use) {
        if (use == DatabaseUse.SERVE) {
            return Map.of();
        }
        return Map.of(
                "micronaut.metrics.enabled", false, // no meters for a command: nobody scrapes them
                "micronaut.security.enabled", false, // no requests to authenticate: the CLI signs its own tokens
                "micronaut.views.enabled", false, // no console pages to render
                // Migrating is for the server, db migrate and plugins sync; db info runs Flyway itself.
                "flyway.enabled", use == DatabaseUse.MIGRATE);
    }
}
