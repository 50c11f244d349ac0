package dev.plugboard.bootstrap.durability;

import dev.plugboard.bootstrap.durability.ServerResources.Sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Writes a soak's figures as Markdown to {@code soak.report}, when it is set. */
final class SoakReport {

    private SoakReport() {
    }

    static void write(Duration duration, Duration interval, long seed, int writes, int reads, List<Sample> samples,
                      Bounds.Verdict verdict) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# Soak: resource stability under a mixed load\n\n")
                .append("Written by `ResourceStabilitySoak` (`./mvnw -B -Psoak -pl bootstrap -am verify`, duration with\n")
                .append("`-Dsoak.minutes=N`) on ").append(LocalDate.now(ZoneOffset.UTC)).append(": a real `plugboard serve`\n")
                .append("on the embedded PostgreSQL, ").append(duration.toMinutes()).append(" min, a sample every ")
                .append(interval.toSeconds()).append(" s, seed ").append(seed).append(".\n\n")
                .append("Load: ").append(writes).append(" acknowledged writes (installs, settings `PUT`s with `If-Match`, toggles,\n")
                .append("runs and events with idempotency keys, workflow saves; 6 new users a minute) and ").append(reads)
                .append(" reads.\n\n")
                .append("Bounds, over the first sample after the warm-up (the first fifth of the run): heap after a full GC (its\nold generation in use, from `jstat`) ")
                .append("+").append(Bounds.HEAP_GROWTH_KB / 1024).append(" MB, live threads +").append(Bounds.THREAD_GROWTH)
                .append(", open file descriptors +").append(Bounds.FILE_DESCRIPTOR_GROWTH).append(", PostgreSQL connections +")
                .append(Bounds.CONNECTION_GROWTH).append(".\n\n")
                .append("Verdict: ").append(verdict.excesses().isEmpty() ? "within every bound" : "OVER: " + verdict.excesses())
                .append(".\n\n")
                .append("| at (min:s) | heap after GC (MB) | threads | file descriptors | DB connections | writes so far |\n")
                .append("|---|---|---|---|---|---|\n");
        samples.forEach(sample -> text.append(sample.row()).append('\n'));
        String report = text.toString();
        System.out.println(report);
        String target = System.getProperty("soak.report", "");
        if (!target.isBlank()) {
            Files.createDirectories(Path.of(target).getParent());
            Files.writeString(Path.of(target), report, StandardCharsets.UTF_8);
        }
    }
}
