package dev.plugboard.bootstrap.server;

import dev.plugboard.adapter.cli.ServerRunner;
import dev.plugboard.bootstrap.PlugboardApplication;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Singleton;

import java.util.concurrent.CountDownLatch;

/** {@code plugboard serve}: starts the HTTP server in the CLI's context and blocks until the process is told to stop. */
@Singleton
final class HttpServerRunner implements ServerRunner {

    private final ApplicationContext context;

    HttpServerRunner(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public int serve() {
        PlugboardApplication application = PlugboardApplication.startIn(context);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            application.close();
            stopped.countDown();
        }, "plugboard-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
