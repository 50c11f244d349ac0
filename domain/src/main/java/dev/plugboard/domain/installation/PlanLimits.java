package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many installations each plan allows. A caller with no plan, or a plan not listed, gets the
 * default plan's limit.
 */
public record PlanLimits(Map<String, Integer> maxInstallations, String defaultPlan) {

    /** Generous defaults for a fresh install: free 5, pro 50, enterprise 1000. */
    public static final PlanLimits DEFAULT = new PlanLimits(Map.of("free", 5, "pro", 50, "enterprise", 1000), "free");

    public PlanLimits {
        Require.present("plan limits", maxInstallations);
        Require.nonBlank("default plan", defaultPlan);
        maxInstallations.forEach((plan, limit) -> {
            Require.nonBlank("plan", plan);
            if (limit == null || limit < 0) {
                throw new InvalidValueException("installation limit of plan " + plan, limit, "must be zero or more");
            }
        });
        if (!maxInstallations.containsKey(defaultPlan)) {
            throw new InvalidValueException("default plan", defaultPlan, "must be one of the configured plans " + maxInstallations.keySet());
        }
        maxInstallations = Map.copyOf(new TreeMap<>(maxInstallations));
    }

    /** The plan whose limits apply to a caller who says {@code plan} (which may be null). */
    public String effectivePlan(String plan) {
        return plan != null && maxInstallations.containsKey(plan) ? plan : defaultPlan;
    }

    public int limitFor(String plan) {
        return maxInstallations.get(effectivePlan(plan));
    }

    /** @throws PlanLimitExceededException when one more installation would pass the plan's limit */
    public void requireRoomForOneMore(Owner owner, String plan, long currentInstallations) {
        int limit = limitFor(plan);
        if (currentInstallations + 1 > limit) {
            throw new PlanLimitExceededException(owner, effectivePlan(plan), limit, currentInstallations);
        }
    }
}
