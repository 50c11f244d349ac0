package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.in.execution.CircuitsUseCase;
import dev.plugboard.application.port.out.CircuitRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.TimeSource;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.circuit.Circuit;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import dev.plugboard.domain.settings.JsonDocument;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Circuit stats for owners, and administrators' overrides (audited). */
public final class CircuitService implements CircuitsUseCase {

    private final CircuitRepository circuits;
    private final PluginRepository plugins;
    private final AuditTrail audit;
    private final TransactionBoundary transactions;
    private final TimeSource clock;

    public CircuitService(CircuitRepository circuits, PluginRepository plugins, AuditTrail audit,
                          TransactionBoundary transactions, TimeSource clock) {
        this.circuits = circuits;
        this.plugins = plugins;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<Circuit> circuits(Owner owner) {
        return transactions.inTransaction(() -> circuits.findByOwner(owner));
    }

    @Override
    public Circuit force(Actor admin, Owner owner, PluginName plugin, boolean open, Duration duration) {
        if (open && (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(30)) > 0)) {
            throw new InvalidValueException("duration", duration, "an opened circuit needs a duration of more than 0 and at most 30 days");
        }
        String target = "circuit:" + owner + "/" + plugin;
        return audit.perform(admin, AuditAction.CIRCUIT_FORCED, target, () -> {
            plugins.find(plugin).orElseThrow(() -> new PluginNotFoundException(plugin.value()));
            Instant now = clock.now();
            Circuit before = circuits.lock(owner, plugin, now);
            Circuit after = open ? before.forceOpen(now, duration) : before.forceClosed(now);
            circuits.save(after);
            audit.success(admin, AuditAction.CIRCUIT_FORCED, target, state(before), state(after), open ? "forced open" : "forced closed");
            return after;
        });
    }

    private static JsonDocument state(Circuit circuit) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", circuit.state().wireName());
        state.put("consecutiveFailures", circuit.consecutiveFailures());
        circuit.openUntil().ifPresent(until -> state.put("openUntil", until.toString()));
        return JsonDocument.of(state);
    }
}
