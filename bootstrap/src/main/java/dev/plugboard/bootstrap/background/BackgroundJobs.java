package dev.plugboard.bootstrap.background;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

import java.util.List;

/** Starts every {@link BackgroundJob} when the HTTP server is up, and stops them when it stops: one place for all jobs. */
final class BackgroundJobs {

    private BackgroundJobs() {
    }

    /** Starts the jobs with the HTTP server. */
    @Singleton
    static final class OnStartup implements ApplicationEventListener<ServerStartupEvent> {
        private final List<BackgroundJob> jobs;

        OnStartup(List<BackgroundJob> jobs) {
            this.jobs = jobs;
        }

        @Override
        public void onApplicationEvent(ServerStartupEvent event) {
            jobs.forEach(BackgroundJob::start);
        }
    }

    /** Stops them with it; work in progress is picked up again by the next start or another instance. */
    @Singleton
    static final class OnShutdown implements ApplicationEventListener<ServerShutdownEvent> {
        private final List<BackgroundJob> jobs;

        OnShutdown(List<BackgroundJob> jobs) {
            this.jobs = jobs;
        }

        @Override
        public void onApplicationEvent(ServerShutdownEvent event) {
            jobs.forEach(BackgroundJob::stop);
        }
    }
}
