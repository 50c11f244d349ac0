package dev.plugboard.application.service.execution;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so that execution never keeps the JVM alive and thread dumps say whose a thread is. */
public final class Threads {

    private Threads() {
    }

    /** Daemon threads named {@code prefix1}, {@code prefix2}, ...: they never keep the JVM alive. */
    public static ThreadFactory daemon(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
