package dev.plugboard.adapter.cli.testing;

import dev.plugboard.adapter.cli.DatabaseAdmin;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stands in for bootstrap's Flyway-backed admin: two migrations, one pending until migrated; can be made to fail. */
@Singleton
public class FakeDatabaseAdmin implements DatabaseAdmin {

    public static final String URL = "jdbc:postgresql://localhost:5432/plugboard";
    private static final Instant INSTALLED = Instant.parse("2026-03-01T08:00:00Z");

    private final List<Migration> applied = new ArrayList<>();
    private final List<Migration> pending = new ArrayList<>();
    private RuntimeException failure;

    public synchronized void reset() {
        applied.clear();
        pending.clear();
        applied.add(new Migration("1", "create catalog", "success", Optional.of(INSTALLED)));
        pending.add(new Migration("2", "add runs", "pending", Optional.empty()));
        failure = null;
    }

    public synchronized void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public synchronized MigrationReport migrate() {
        failIfAsked();
        Optional<String> before = version();
        List<Migration> done = pending.stream().map(m -> new Migration(m.version(), m.description(), "success",
                Optional.of(INSTALLED))).toList();
        applied.addAll(done);
        pending.clear();
        return new MigrationReport(URL, before, version(), done);
    }

    @Override
    public synchronized DatabaseInfo info() {
        failIfAsked();
        return new DatabaseInfo(URL, true, Optional.of("/var/lib/plugboard/postgres"), version(), applied, pending);
    }

    private Optional<String> version() {
        return applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1).version());
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }
}
