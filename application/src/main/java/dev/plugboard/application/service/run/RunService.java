package dev.plugboard.application.service.run;

import dev.plugboard.application.port.out.Telemetry;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.run.RunUseCases;
import dev.plugboard.application.port.in.run.CancelRunUseCase;
import dev.plugboard.application.port.in.run.QueryRunsUseCase;
import dev.plugboard.application.port.in.run.StartRunUseCase;
import dev.plugboard.application.port.out.IdSource;
import dev.plugboard.application.port.out.OwnerDirectory;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.application.service.execution.RunAdmission;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.installation.Environment;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunNotFoundException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.Violation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The run ledger: queueing runs, reading them, cancelling them. */
public final class RunService implements RunUseCases {

    private final RunAdmission admission;
    private final RunRepository runs;
    private final OwnerDirectory owners;
    private final SettingsPolicy settingsPolicy;
    private final AuditTrail audit;
    private final TimeSource clock;
    private final Telemetry telemetry;
    private final Environment environment;
    private final IdSource ids;

    /** @param environment this process's: each run it starts records it, and uses its settings overrides */
    public RunService(RunAdmission admission, RunRepository runs, OwnerDirectory owners, SettingsPolicy settingsPolicy,
                      AuditTrail audit, TimeSource clock, IdSource ids, Telemetry telemetry, Environment environment) {
        this.environment = environment;
        this.telemetry = telemetry;
        this.admission = admission;
        this.runs = runs;
        this.owners = owners;
        this.settingsPolicy = settingsPolicy;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public PluginRun start(StartRunCommand command) {
        Owner owner = command.caller().owner();
        String target = AuditEntry.installationTarget(owner.toString(), command.plugin().value());
        return audit.perform(command.caller().actor(), AuditAction.RUN_STARTED, target, () -> {
            Optional<PluginRun> earlier = command.idempotencyKey().flatMap(key -> runs.findByIdempotencyKey(owner, key));
            if (earlier.isPresent()) {
                return sameRequest(earlier.get(), command);
            }
            RunAdmission.Admitted admitted = admission.toStart(owner, command.plugin());
            Plugin plugin = admitted.plugin();
            Installation installation = admitted.installation();
            // Settings are re-checked: the plugin's schema may have changed since they were saved.
            settingsPolicy.requireStored(plugin.manifest().settingsSpec(),
                    installation.settings().mergedWith(command.settingsOverlay()), installation.secrets().pointers());
            requireValidInput(plugin.manifest(), command.input());
            owners.ensureExists(owner, clock.now());
            PluginRun queued = runs.add(PluginRun.create(RunId.of(ids.newId()), owner, plugin.name(), command.trigger(),
                    command.input(), command.idempotencyKey(), clock.now()).withSettingsOverlay(command.settingsOverlay())
                    .withTrace(command.trace().orElse(null)).withEnvironment(environment));
            // A run nothing can execute, or one whose circuit is open, is recorded as failed at once, never executed.
            PluginRun run = admission.rejectedAtStart(queued, plugin).orElse(queued);
            audit.success(command.caller().actor(), AuditAction.RUN_STARTED, AuditEntry.runTarget(run.id().toString()),
                    null, state(run), plugin.name().value() + " (" + run.trigger().wireName() + ")");
            return run;
        });
    }

    private static PluginRun sameRequest(PluginRun earlier, StartRunCommand command) {
        if (!earlier.plugin().equals(command.plugin())) {
            throw new InvalidValueException("idempotency key", command.idempotencyKey().orElse(""),
                    "was already used for a run of plugin " + earlier.plugin() + "; use a new key for a different request");
        }
        return earlier;
    }

    private void requireValidInput(PluginManifest manifest, JsonDocument input) {
        if (manifest.inputSchema().isEmpty()) {
            return;
        }
        List<Violation> violations = settingsPolicy.violationsOf(manifest.name().value(), manifest.version().toString(),
                "input", manifest.inputSchema().get(), input);
        if (!violations.isEmpty()) {
            throw new InvalidValueException("input", input.toJson(), "input validation failed: "
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
    }

    @Override
    public PluginRun get(Owner owner, RunId id) {
        return runs.find(owner, id).orElseThrow(() -> new RunNotFoundException(id));
    }

    @Override
    public RunHistory history(Owner owner, RunId id) {
        return new RunHistory(get(owner, id), runs.attempts(owner, id));
    }

    @Override
    public Page<PluginRun> list(Owner owner, RunFilter filter, PageRequest page) {
        return runs.search(owner, filter, page);
    }

    @Override
    public PluginRun cancel(CancelRunCommand command) {
        Owner owner = command.caller().owner();
        String target = AuditEntry.runTarget(command.run().toString());
        return audit.perform(command.caller().actor(), AuditAction.RUN_CANCELLED, target, () -> {
            PluginRun current = get(owner, command.run());
            PluginRun cancelled = runs.update(current.cancel(clock.now()));
            audit.success(command.caller().actor(), AuditAction.RUN_CANCELLED, target, state(current), state(cancelled), "");
            telemetry.runFinished(cancelled);
            return cancelled;
        });
    }

    private static JsonDocument state(PluginRun run) {
        return JsonDocument.of(Map.of("status", run.status().wireName(), "plugin", run.plugin().value(),
                "attempt", run.attempt()));
    }
}
