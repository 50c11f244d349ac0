package dev.plugboard.bootstrap.background;

/**
 * A job a serving instance runs in the background (executor, reaper, workflow engine, schedules,
 * rollups, retention, health, metrics): started with the HTTP server by {@link BackgroundJobs},
 * stopped with it, never run by CLI commands.
 */
public interface BackgroundJob {

    void start();

    void stop();
}
