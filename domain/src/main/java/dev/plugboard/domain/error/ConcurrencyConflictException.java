package dev.plugboard.domain.error;

import java.util.Map;

/** A write carried a version that is no longer current: someone else changed the aggregate first. */
public final class ConcurrencyConflictException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String aggregate;
    private final String id;
    private final long expectedVersion;

    public ConcurrencyConflictException(String aggregate, String id, long expectedVersion) {
        super(aggregate + " " + id + " was changed by someone else (your version " + expectedVersion
                + " is stale); reload it and apply your change again");
        this.aggregate = aggregate;
        this.id = id;
        this.expectedVersion = expectedVersion;
    }

    public String aggregate() {
        return aggregate;
    }

    public String id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONCURRENCY;
    }

    @Override
    public String code() {
        return "concurrent_modification";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("aggregate", aggregate, "id", id, "expectedVersion", expectedVersion);
    }
}
