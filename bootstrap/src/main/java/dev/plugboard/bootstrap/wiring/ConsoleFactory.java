package dev.plugboard.bootstrap.wiring;

import dev.plugboard.adapter.persistence.jdbc.JdbcConsoleSessionStore;
import dev.plugboard.adapter.persistence.jdbc.MicronautTransactionBoundary;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.service.console.ConsoleSignInService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The web console's sign-in: one-time links that live five minutes, sessions that live eight hours. */
@Factory
final class ConsoleFactory {

    static final Duration LINK_TTL = Duration.ofMinutes(5);
    static final Duration SESSION_TTL = Duration.ofHours(8);

    @Singleton
    ConsoleSignInService consoleSignIn(JdbcConsoleSessionStore store, MicronautTransactionBoundary transactions) {
        return new ConsoleSignInService(store, transactions, TimeSource.system(), LINK_TTL, SESSION_TTL);
    }
}
