package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.RunFilter;
import dev.plugboard.application.port.out.RunQueue;
import dev.plugboard.application.port.out.RunRepository;
import dev.plugboard.application.port.out.RunWakeups;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.Lease;
import dev.plugboard.domain.run.RunStatus;
import java.util.Set;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunId;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The run ledger in memory, newest first, with optimistic locking like the database. */
public final class InMemoryRunRepository implements RunRepository, RunQueue, RunWakeups, Snapshotting {

    /**
     * Newest first; the id, compared as text (as PostgreSQL compares uuids), breaks ties between
     * runs created in the same microsecond.
     */
    static final Comparator<PluginRun> NEWEST_FIRST = Comparator.comparing(PluginRun::createdAt)
            .thenComparing(run -> run.id().value().toString())
            .reversed();

    private Map<RunId, PluginRun> runs = new LinkedHashMap<>();
    private final InMemoryAttemptHistory history = new InMemoryAttemptHistory();
    private final List<Runnable> wakeups = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public synchronized Optional<PluginRun> find(Owner owner, RunId id) {
        return Optional.ofNullable(runs.get(id)).filter(run -> run.owner().equals(owner));
    }

    @Override
    public synchronized Optional<PluginRun> findByIdempotencyKey(Owner owner, String idempotencyKey) {
        return runs.values().stream()
                .filter(run -> run.owner().equals(owner) && run.idempotencyKey().filter(idempotencyKey::equals).isPresent())
                .findFirst();
    }

    @Override
    public synchronized Page<PluginRun> search(Owner owner, RunFilter filter, PageRequest page) {
        Optional<Cursor.TimeAndId> after = page.after().map(Cursor.TimeAndId::decode);
        List<PluginRun> matching = runs.values().stream()
                .filter(run -> run.owner().equals(owner))
                .filter(filter::matches)
                .sorted(NEWEST_FIRST)
                .filter(run -> after.map(cursor -> cursor.isFollowedBy(run.createdAt(), run.id().value())).orElse(true))
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetched(matching, page.limit(), run -> Cursor.TimeAndId.encode(run.createdAt(), run.id().value()));
    }

    @Override
    public synchronized PluginRun add(PluginRun run) {
        if (runs.containsKey(run.id())) {
            throw new IllegalStateException("run " + run.id() + " already exists");
        }
        PluginRun stored = run.withVersion(0);
        runs.put(run.id(), stored);
        if (stored.status() == RunStatus.PENDING) {
            wakeups.forEach(Runnable::run);
        }
        return stored;
    }

    /** Executors of this embedding hear of a pending run as it is added: no poll to wait for. */
    @Override
    public Subscription listen(Runnable onPending) {
        wakeups.add(onPending);
        return () -> wakeups.remove(onPending);
    }

    @Override
    public synchronized PluginRun update(PluginRun run) {
        PluginRun current = runs.get(run.id());
        if (current == null || current.version() != run.version()) {
            throw new ConcurrencyConflictException("run", run.id().toString(), run.version());
        }
        PluginRun stored = run.withVersion(run.version() + 1);
        runs.put(run.id(), stored);
        history.follow(stored, Instant.now());
        return stored;
    }

    @Override
    public synchronized List<dev.plugboard.domain.run.RunAttempt> attempts(Owner owner, RunId id) {
        PluginRun run = runs.get(id);
        return run == null || !run.owner().equals(owner) ? List.of() : history.of(id);
    }

    @Override
    public synchronized List<PluginRun> claim(Set<PluginName> plugins, int max, Lease lease, Instant now,
                                              Map<PluginName, Integer> perOwnerLimits) {
        Map<List<Object>, Integer> busy = new java.util.HashMap<>();
        runs.values().stream().filter(run -> run.status() == RunStatus.PROCESSING)
                .forEach(run -> busy.merge(List.of(run.owner(), run.plugin()), 1, Integer::sum));
        List<PluginRun> claimed = new java.util.ArrayList<>();
        List<PluginRun> available = runs.values().stream()
                .filter(run -> run.status() == RunStatus.PENDING && plugins.contains(run.plugin())
                        && !run.availableAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(PluginRun::availableAt).thenComparing(PluginRun::createdAt))
                .toList();
        for (PluginRun run : available) {
            if (claimed.size() >= max) {
                break;
            }
            Integer limit = perOwnerLimits.get(run.plugin());
            List<Object> key = List.of(run.owner(), run.plugin());
            if (limit != null && busy.getOrDefault(key, 0) >= limit) {
                continue;
            }
            busy.merge(key, 1, Integer::sum);
            claimed.add(update(run.claim(lease, now)));
        }
        return claimed;
    }

    @Override
    public synchronized List<PluginRun> unclaimedSince(PluginName plugin, Instant availableBefore, int max) {
        return runs.values().stream().filter(run -> run.status() == RunStatus.PENDING && run.plugin().equals(plugin)
                && run.availableAt().isBefore(availableBefore)).limit(max).toList();
    }

    @Override
    public synchronized List<PluginRun> expiredLeases(Instant now, int max) {
        return runs.values().stream().filter(run -> run.isLeaseExpiredAt(now)).limit(max).toList();
    }

    /** Every run of every owner, for the health job. */
    public synchronized List<PluginRun> all() {
        return List.copyOf(runs.values());
    }

    @Override
    public synchronized Optional<PluginRun> find(RunId id) {
        return Optional.ofNullable(runs.get(id));
    }


    @Override
    public synchronized Object snapshot() {
        return List.of(new LinkedHashMap<>(runs), history.snapshot());
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        List<Object> both = (List<Object>) snapshot;
        runs = new LinkedHashMap<>((Map<RunId, PluginRun>) both.get(0));
        history.restore(both.get(1));
    }
}
