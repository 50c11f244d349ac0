package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;
import dev.plugboard.domain.owner.Owner;

import java.util.Map;

/** The owner's plan allows no more installations. */
public final class PlanLimitExceededException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final Owner owner;
    private final String plan;
    private final int limit;
    private final long current;

    public PlanLimitExceededException(Owner owner, String plan, int limit, long current) {
        super("plan '" + plan + "' allows " + limit + " installation" + (limit == 1 ? "" : "s") + " and " + owner
                + " has " + current + "; uninstall a plugin or move to a larger plan");
        this.owner = owner;
        this.plan = plan;
        this.limit = limit;
        this.current = current;
    }

    public Owner owner() {
        return owner;
    }

    public String plan() {
        return plan;
    }

    public int limit() {
        return limit;
    }

    public long current() {
        return current;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.LIMIT_EXCEEDED;
    }

    @Override
    public String code() {
        return "plan_limit_exceeded";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("owner", owner.toString(), "plan", plan, "limit", limit, "current", current);
    }
}
