package dev.plugboard.domain.run;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution of a plugin for an owner: a ledger entry that only moves as {@link RunTransitions}
 * decides, and holds no guard of its own. Immutable; every move returns a new instance, and {@code version} is the
 * optimistic-locking version the stored copy had when loaded.
 */
public final class PluginRun {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final RunId id;
    private final Owner owner;
    private final PluginName plugin;
    private final RunTrigger trigger;
    private final RunStatus status;
    private final JsonDocument input;
    private final JsonDocument output;
    private final RunError error;
    private final int attempt;
    private final String idempotencyKey;
    private final Instant createdAt;
    private final Instant startedAt;
    private final Instant completedAt;
    private final long version;
    private final Lease lease;
    private final Instant availableAt;
    private final JsonDocument settingsOverlay;
    private final TraceContext trace;
    private final Environment environment;

    private PluginRun(Builder b) {
        this.id = Require.present("run id", b.id);
        this.owner = Require.present("owner", b.owner);
        this.plugin = Require.present("plugin", b.plugin);
        this.trigger = Require.present("trigger", b.trigger);
        this.status = Require.present("status", b.status);
        this.input = Require.present("input", b.input);
        this.output = b.output;
        this.error = b.error;
        if (b.attempt < 0) {
            throw new InvalidValueException("attempt", b.attempt, "must not be negative");
        }
        this.attempt = b.attempt;
        this.idempotencyKey = b.idempotencyKey;
        this.createdAt = Require.present("created at", b.createdAt);
        this.startedAt = b.startedAt;
        this.completedAt = b.completedAt;
        this.version = Require.notNegative("version", b.version);
        this.lease = b.lease;
        if (b.lease != null && b.status != RunStatus.PROCESSING) {
            throw new InvalidValueException("lease", b.lease, "only a processing run is leased to an executor");
        }
        this.availableAt = b.availableAt == null ? b.createdAt : b.availableAt;
        this.settingsOverlay = b.settingsOverlay == null ? JsonDocument.empty() : b.settingsOverlay;
        this.trace = b.trace;
        this.environment = b.environment == null ? Environment.DEFAULT : b.environment;
    }

    /** A new pending run that has not been attempted yet. */
    public static PluginRun create(RunId id, Owner owner, PluginName plugin, RunTrigger trigger, JsonDocument input,
                                   Optional<String> idempotencyKey, Instant now) {
        Builder b = new Builder();
        b.id = id;
        b.owner = owner;
        b.plugin = plugin;
        b.trigger = trigger;
        b.status = RunStatus.PENDING;
        b.input = input;
        b.idempotencyKey = idempotencyKey.map(PluginRun::checkKey).orElse(null);
        b.createdAt = now;
        return new PluginRun(b);
    }

    private static String checkKey(String key) {
        String trimmed = Require.nonBlank("idempotency key", key);
        return Require.length("idempotency key", trimmed, 1, MAX_IDEMPOTENCY_KEY);
    }

    /** Rebuilds a run from storage. */
    public static PluginRun reconstitute(RunId id, Owner owner, PluginName plugin, RunTrigger trigger, RunStatus status,
                                         JsonDocument input, JsonDocument output, RunError error, int attempt,
                                         String idempotencyKey, Instant createdAt, Instant startedAt,
                                         Instant completedAt, long version) {
        Builder b = new Builder();
        b.id = id;
        b.owner = owner;
        b.plugin = plugin;
        b.trigger = trigger;
        b.status = status;
        b.input = input;
        b.output = output;
        b.error = error;
        b.attempt = attempt;
        b.idempotencyKey = idempotencyKey;
        b.createdAt = createdAt;
        b.startedAt = startedAt;
        b.completedAt = completedAt;
        b.version = version;
        return new PluginRun(b);
    }

    /**
     * Rebuilds a run from storage together with its execution state: the lease of the executor or
     * worker running it, and the earliest time a pending run may be taken (later than its creation
     * while a retry waits out its backoff).
     */
    public static PluginRun reconstitute(RunId id, Owner owner, PluginName plugin, RunTrigger trigger, RunStatus status,
                                         JsonDocument input, JsonDocument output, RunError error, int attempt,
                                         String idempotencyKey, Instant createdAt, Instant startedAt,
                                         Instant completedAt, long version, Lease lease, Instant availableAt) {
        Builder b = reconstitute(id, owner, plugin, trigger, status, input, output, error, attempt, idempotencyKey,
                createdAt, startedAt, completedAt, version).toBuilder();
        b.lease = lease;
        b.availableAt = availableAt;
        return new PluginRun(b);
    }

    /** An executor or worker takes the run under a lease: a new attempt begins. */
    public PluginRun claim(Lease newLease, Instant now) {
        Builder b = on(RunEvent.CLAIM);
        b.attempt = attempt + 1;
        b.startedAt = now;
        b.completedAt = null;
        b.lease = Require.present("lease", newLease);
        return new PluginRun(b);
    }

    /** The lease holder is still at work: its lease runs until {@code until}. */
    public PluginRun renewLease(String holder, Instant until, Instant now) {
        requireLeaseHeldBy(holder, now);
        Builder b = toBuilder();
        b.lease = new Lease(holder, until);
        return new PluginRun(b);
    }

    /**
     * @throws LeaseLostException when {@code holder} no longer holds a live lease on this run (it
     *                            expired, was reaped, or the run ended or was cancelled)
     */
    public void requireLeaseHeldBy(String holder, Instant now) {
        if (lease == null || !lease.holder().equals(holder) || lease.isExpiredAt(now)) {
            throw new LeaseLostException(id, holder);
        }
    }

    /** Whether a processing run's executor stopped renewing its lease (it died, or hangs). */
    public boolean isLeaseExpiredAt(Instant now) {
        return lease != null && lease.isExpiredAt(now);
    }

    /** The attempt failed and another is due at {@code when}, after its backoff. */
    public PluginRun retryLater(RunError why, Instant when) {
        Builder b = on(RunEvent.RETRY);
        b.error = Require.present("error", why);
        b.availableAt = Require.present("available at", when);
        return new PluginRun(b);
    }

    /** The handler returned: the run is done. */
    public PluginRun complete(JsonDocument result, Instant now) {
        Builder b = on(RunEvent.COMPLETE);
        b.output = Require.present("output", result);
        b.error = null;
        b.completedAt = now;
        return new PluginRun(b);
    }

    /** The attempt failed and no retry follows. */
    public PluginRun fail(RunError why, Instant now) {
        return ended(on(RunEvent.FAIL), why, null, now);
    }

    /** The attempt failed with no retry, with details for the caller in the output. */
    public PluginRun fail(RunError why, JsonDocument details, Instant now) {
        return ended(on(RunEvent.FAIL), why, Require.present("details", details), now);
    }

    /** Refused before it ever ran (circuit open, no handler, not claimed in time, plugin switched off meanwhile). */
    public PluginRun reject(RunError why, Instant now) {
        return ended(on(RunEvent.REJECT), why, null, now);
    }

    /**
     * Refused before it ever ran, with details for the caller in the output (for an open circuit:
     * {@code {"retryAfterSeconds": 42}}).
     */
    public PluginRun reject(RunError why, JsonDocument details, Instant now) {
        return ended(on(RunEvent.REJECT), why, Require.present("details", details), now);
    }

    private static PluginRun ended(Builder b, RunError why, JsonDocument details, Instant now) {
        b.error = Require.present("error", why);
        if (details != null) {
            b.output = details;
        }
        b.completedAt = now;
        return new PluginRun(b);
    }

    /** The owner gave up on it before it ended. */
    public PluginRun cancel(Instant now) {
        Builder b = on(RunEvent.CANCEL);
        b.completedAt = now;
        return new PluginRun(b);
    }

    /** The table decides the next status; every move ends the current holder's claim (claim() sets a new one). */
    private Builder on(RunEvent event) {
        Builder b = toBuilder();
        b.status = RunTransitions.require(id, status, event);
        b.lease = null;
        return b;
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.owner = owner;
        b.plugin = plugin;
        b.trigger = trigger;
        b.status = status;
        b.input = input;
        b.output = output;
        b.error = error;
        b.attempt = attempt;
        b.idempotencyKey = idempotencyKey;
        b.createdAt = createdAt;
        b.startedAt = startedAt;
        b.completedAt = completedAt;
        b.version = version;
        b.lease = lease;
        b.availableAt = availableAt;
        b.settingsOverlay = settingsOverlay;
        b.trace = trace;
        b.environment = environment;
        return b;
    }

    private static final class Builder {
        private RunId id;
        private Owner owner;
        private PluginName plugin;
        private RunTrigger trigger;
        private RunStatus status;
        private JsonDocument input;
        private JsonDocument output;
        private RunError error;
        private int attempt;
        private String idempotencyKey;
        private Instant createdAt;
        private Instant startedAt;
        private Instant completedAt;
        private long version;
        private Lease lease;
        private Instant availableAt;
        private JsonDocument settingsOverlay;
        private TraceContext trace;
        private Environment environment;
    }

    public RunId id() {
        return id;
    }

    public Owner owner() {
        return owner;
    }

    public PluginName plugin() {
        return plugin;
    }

    public RunTrigger trigger() {
        return trigger;
    }

    public RunStatus status() {
        return status;
    }

    public JsonDocument input() {
        return input;
    }

    public Optional<JsonDocument> output() {
        return Optional.ofNullable(output);
    }

    public Optional<RunError> error() {
        return Optional.ofNullable(error);
    }

    public int attempt() {
        return attempt;
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    public long version() {
        return version;
    }

    /** The executor or worker holding the run while it processes, if any. */
    public Optional<Lease> lease() {
        return Optional.ofNullable(lease);
    }

    /**
     * Settings merged over the installation's for this run only (a workflow step's static config);
     * empty for ordinary runs. Never holds secrets: a workflow may not set a secret field.
     */
    public JsonDocument settingsOverlay() {
        return settingsOverlay;
    }

    /** The same run with settings merged over the installation's for this run only. */
    public PluginRun withSettingsOverlay(JsonDocument overlay) {
        Builder b = toBuilder();
        b.settingsOverlay = overlay;
        return new PluginRun(b);
    }

    /** The same run as its storage holds it under {@code storedVersion} (a repository answers this after a write). */
    public PluginRun withVersion(long storedVersion) {
        Builder b = toBuilder();
        b.version = storedVersion;
        return new PluginRun(b);
    }

    /** The caller's trace this run joins; empty when the run starts a trace of its own (its id is the trace id). */
    public Optional<TraceContext> trace() {
        return Optional.ofNullable(trace);
    }

    /** The same run joining the caller's trace ({@code null}: a trace of its own). */
    public PluginRun withTrace(TraceContext context) {
        Builder b = toBuilder();
        b.trace = context;
        return new PluginRun(b);
    }

    /** The environment whose settings overrides this run uses: that of the process that started it. */
    public Environment environment() {
        return environment;
    }

    /** The same run using the overrides of {@code runIn} ({@code null}: the base settings, as {@code default}). */
    public PluginRun withEnvironment(Environment runIn) {
        Builder b = toBuilder();
        b.environment = runIn;
        return new PluginRun(b);
    }

    /** The earliest time this run may be taken; its creation, or the end of a retry's backoff. */
    public Instant availableAt() {
        return availableAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginRun run && id.equals(run.id) && status == run.status && version == run.version
                && attempt == run.attempt && Objects.equals(output, run.output) && Objects.equals(error, run.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, version);
    }

    @Override
    public String toString() {
        return "PluginRun[" + id + " " + plugin + " " + status.wireName() + ", attempt " + attempt + "]";
    }
}
