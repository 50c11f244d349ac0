package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.out.workflow.TriggerLedger;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The trigger ledger in memory: each fire time and each delivery signature is recorded once per workflow. */
public final class InMemoryTriggerLedger implements TriggerLedger, Snapshotting {

    private record Delivery(String workflowId, String signature) {
    }

    private Map<String, NavigableSet<Instant>> fires = new HashMap<>();
    private Set<Delivery> deliveries = new HashSet<>();

    @Override
    public synchronized boolean firstFire(String workflowId, Instant fireTime, Instant now) {
        return fires.computeIfAbsent(workflowId, id -> new TreeSet<>()).add(fireTime);
    }

    @Override
    public synchronized Optional<Instant> lastFire(String workflowId) {
        NavigableSet<Instant> times = fires.get(workflowId);
        return times == null || times.isEmpty() ? Optional.empty() : Optional.of(times.last());
    }

    @Override
    public synchronized boolean firstDelivery(String workflowId, String signature, Instant now) {
        return deliveries.add(new Delivery(workflowId, signature));
    }

    /** Drops the rows of a deleted workflow, as the database's cascade does. */
    synchronized void forgetWorkflow(String workflowId) {
        fires.remove(workflowId);
        deliveries.removeIf(delivery -> delivery.workflowId().equals(workflowId));
    }

    @Override
    public synchronized Object snapshot() {
        Map<String, NavigableSet<Instant>> copy = new HashMap<>();
        fires.forEach((id, times) -> copy.put(id, new TreeSet<>(times)));
        return List.of(copy, new HashSet<>(deliveries));
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        List<Object> both = (List<Object>) snapshot;
        fires = new HashMap<>();
        ((Map<String, NavigableSet<Instant>>) both.get(0)).forEach((id, times) -> fires.put(id, new TreeSet<>(times)));
        deliveries = new HashSet<>((Set<Delivery>) both.get(1));
    }
}
