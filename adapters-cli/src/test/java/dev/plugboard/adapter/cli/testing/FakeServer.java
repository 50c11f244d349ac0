package dev.plugboard.adapter.cli.testing;

import dev.plugboard.adapter.cli.ServerRunner;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for bootstrap's server: counts starts and returns a chosen exit code. */
@Singleton
public class FakeServer implements ServerRunner {

    private final AtomicInteger starts = new AtomicInteger();
    private volatile int exitCode;

    @Override
    public int serve() {
        starts.incrementAndGet();
        return exitCode;
    }

    public void exitWith(int code) {
        this.exitCode = code;
    }

    public int starts() {
        return starts.get();
    }
}
