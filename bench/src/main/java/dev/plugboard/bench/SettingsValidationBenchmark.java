package dev.plugboard.bench;

import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.SettingsSpec;
import dev.plugboard.domain.settings.SettingsUpdate;
import dev.plugboard.domain.settings.SettingsValidation;
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

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Issue 16, P5: validating a 10-field settings document with a compiled schema, as the settings
 * {@code PUT} does it ({@code SettingsChange.propose}): {@link SettingsPolicy#validate} with the schema
 * compiled once and cached, defaults laid under the document, schema defaults applied, and the secret
 * ({@code writeOnly}) fields found. {@code valid} and {@code invalid} time that call alone (the P5 figure
 * is {@code valid}'s p50); {@code proposeAndValidate} adds the merge patch over stored settings that the
 * {@code PUT} does first ({@link SettingsUpdate#propose}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SettingsValidationBenchmark {

    private final SettingsPolicy policy = new SettingsPolicy();
    private SettingsSpec spec;
    private List<JsonDocument> valid;
    private List<JsonDocument> invalid;
    private JsonDocument stored;
    private int next;

    @Setup
    public void compileOnce() {
        spec = SettingsFixture.spec();
        valid = SettingsFixture.rotation(true);
        invalid = SettingsFixture.rotation(false);
        stored = SettingsFixture.valid(SettingsFixture.ROTATION);
        // The server compiles a plugin's schema at its first use and keeps it: so does this warm-up call.
        if (!policy.validate(spec, valid.get(0)).isValid() || policy.validate(spec, invalid.get(0)).isValid()) {
            throw new IllegalStateException("the fixture's valid document must pass and its invalid one fail");
        }
    }

    private int rotate() {
        next = (next + 1) & (SettingsFixture.ROTATION - 1);
        return next;
    }

    @Benchmark
    public SettingsValidation valid() {
        return policy.validate(spec, valid.get(rotate()));
    }

    @Benchmark
    public SettingsValidation invalid() {
        return policy.validate(spec, invalid.get(rotate()));
    }

    @Benchmark
    public SettingsValidation proposeAndValidate() {
        Set<String> storedSecrets = Set.of("/url");
        JsonDocument proposed = SettingsUpdate.propose(policy, spec, stored, storedSecrets, valid.get(rotate()));
        return policy.validate(spec, proposed, storedSecrets);
    }
}
