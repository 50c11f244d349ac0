package dev.plugboard.application.service.execution;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-process concurrency bound, counted in live handler threads: a slot is taken when a run is
 * claimed and given back when its handler thread really ends, so a handler that ignores its
 * timeout keeps its slot until it stops and the bound holds.
 */
final class ExecutionSlots {

    private final int capacity;
    private final AtomicInteger taken = new AtomicInteger();
    private volatile Runnable onRelease = () -> { };

    ExecutionSlots(int capacity) {
        this.capacity = capacity;
    }

    /** Called each time a slot is given back (on the releasing thread); must return quickly. */
    void onRelease(Runnable listener) {
        this.onRelease = listener;
    }

    int free() {
        return Math.max(0, capacity - taken.get());
    }

    int taken() {
        return taken.get();
    }

    Slot take() {
        taken.incrementAndGet();
        return new Slot();
    }

    /** One taken slot; released once, by the dispatcher or, if handed over, by the abandoned thread when it ends. */
    final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();
        private final AtomicBoolean handedOver = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                taken.decrementAndGet();
                onRelease.run();
            }
        }

        /** The handler thread outlived its attempt: it, not the dispatcher, gives the slot back. */
        void handOver() {
            handedOver.set(true);
        }

        void releaseUnlessHandedOver() {
            if (!handedOver.get()) {
                release();
            }
        }
    }
}
