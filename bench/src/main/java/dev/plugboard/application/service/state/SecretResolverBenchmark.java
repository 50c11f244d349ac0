package dev.plugboard.application.service.state;

import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.References;
import dev.plugboard.bench.SettingsFixture;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.SettingsSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The two secret resolvers. {@code writeOnlyPointers} and {@code redact}: the domain's walk of the
 * settings schema along a 10-field document for its {@code writeOnly} values (every settings write,
 * view and export asks it; {@link SettingsPolicy#secretPointers}, {@link SettingsPolicy#redact}).
 * {@code references}: the declarative state's {@code ${env:NAME}}/{@code ${file:path}} references of
 * a 10-field document, three of them references, found and replaced ({@link SecretReferences}, which
 * is package-private: this benchmark lives in its package for that reason, and resolves the names
 * from a map so that no environment or file read is timed).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SecretResolverBenchmark {

    private final SettingsPolicy policy = new SettingsPolicy();
    private SettingsSpec spec;
    private JsonDocument settings;
    private JsonDocument withReferences;
    private References references;

    @Setup
    public void prepare() {
        spec = SettingsFixture.spec();
        settings = SettingsFixture.valid(7);
        withReferences = settings.replaceAllAt(Map.of("/url", "${env:HOOK_URL}", "/email", "${file:/run/secrets/email}",
                "/window/from", "${env:WINDOW_FROM}"));
        Map<String, String> values = Map.of("env:HOOK_URL", "https://example.test/hook/7",
                "file:/run/secrets/email", "owner7@example.test", "env:WINDOW_FROM", "3");
        references = (kind, name) -> Optional.ofNullable(values.get(kind + ":" + name));
        if (!policy.secretPointers(spec, settings).equals(Set.of("/url")) || SecretReferences.in(withReferences).size() != 3) {
            throw new IllegalStateException("the fixture must hold one writeOnly value and three references");
        }
    }

    @Benchmark
    public Set<String> writeOnlyPointers() {
        return policy.secretPointers(spec, settings);
    }

    @Benchmark
    public JsonDocument redact() {
        return policy.redact(spec, settings);
    }

    @Benchmark
    public JsonDocument references() {
        List<String> problems = new ArrayList<>(0);
        JsonDocument resolved = SecretReferences.resolved(withReferences, references, "installation", problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        return resolved;
    }
}
