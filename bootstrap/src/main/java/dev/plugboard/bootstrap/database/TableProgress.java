package dev.plugboard.bootstrap.database;

import dev.plugboard.application.port.in.ProgressListener;

import java.util.function.Consumer;

/**
 * Turns pg_dump's or pg_restore's verbose lines into progress: each line that starts a table's data
 * is one table done of {@code tables}; any other line passed on (errors) goes to {@code notes}.
 */
final class TableProgress implements Consumer<String> {

    private final String task;
    private final String marker;
    private final long tables;
    private final ProgressListener progress;
    private final Consumer<String> notes;
    private long done;

    TableProgress(String task, String marker, long tables, ProgressListener progress, Consumer<String> notes) {
        this.task = task;
        this.marker = marker;
        this.tables = tables;
        this.progress = progress;
        this.notes = notes;
    }

    @Override
    public void accept(String line) {
        if (!line.contains(marker)) {
            notes.accept(line);
            return;
        }
        done++;
        // pg_restore also lists tables the counts file does not know (a newer backup): never past 100%.
        progress.progress(task, done, tables == ProgressListener.UNKNOWN ? tables : Math.max(tables, done));
    }
}
