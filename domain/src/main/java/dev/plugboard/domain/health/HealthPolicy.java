package dev.plugboard.domain.health;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a plugin's signals into a score from 0 to 100, a state and the reason. The score starts from
 * the success rate (once there are enough runs to judge) and loses points for slow runs, open
 * circuits and a missing worker; an active check that reports trouble caps it.
 *
 * @param healthyScore   the lowest score still healthy
 * @param unhealthyScore scores below this are unhealthy; between the two, degraded
 * @param minRuns        finished runs needed before the success rate counts
 * @param latencyRatio   a p95 duration above this share of the timeout counts as slow
 */
public record HealthPolicy(int healthyScore, int unhealthyScore, int minRuns, double latencyRatio) {

    public static final HealthPolicy DEFAULT = new HealthPolicy(80, 50, 5, 0.8);
    static final int SLOW_PENALTY = 20;
    static final int CIRCUIT_PENALTY = 10;
    static final int MAX_CIRCUIT_PENALTY = 40;
    static final int NO_WORKER_PENALTY = 60;

    public HealthPolicy {
        if (unhealthyScore < 0 || healthyScore > 100 || unhealthyScore > healthyScore) {
            throw new IllegalArgumentException("need 0 <= unhealthy score <= healthy score <= 100, got "
                    + unhealthyScore + " and " + healthyScore);
        }
        if (minRuns < 1 || latencyRatio <= 0) {
            throw new IllegalArgumentException("minRuns must be at least 1 and the latency ratio above 0");
        }
    }

    /** A score, its state and why. */
    public record Assessment(int score, HealthState state, String reason) {
    }

    public Assessment assess(HealthSignals signals) {
        List<String> reasons = new ArrayList<>();
        boolean judged = false;
        double score = 100;
        if (signals.finishedRuns() >= minRuns) {
            judged = true;
            score = 100 * signals.successRate();
            reasons.add(Math.round(100 * signals.successRate()) + "% of the last " + signals.finishedRuns() + " runs succeeded");
        }
        if (signals.p95Duration().isPresent() && signals.finishedRuns() > 0) {
            double ratio = (double) signals.p95Duration().get().toMillis() / Math.max(1, signals.timeout().toMillis());
            if (ratio > latencyRatio) {
                judged = true;
                score -= SLOW_PENALTY;
                reasons.add("p95 duration " + signals.p95Duration().get().toMillis() + " ms is "
                        + Math.round(ratio * 100) + "% of the " + signals.timeout().toMillis() + " ms timeout");
            }
        }
        if (signals.openCircuits() > 0) {
            judged = true;
            score -= Math.min(MAX_CIRCUIT_PENALTY, CIRCUIT_PENALTY * signals.openCircuits());
            reasons.add(signals.openCircuits() + " circuit(s) open");
        }
        if (signals.workerSeen().filter(seen -> !seen).isPresent() && signals.pendingRuns() > 0) {
            judged = true;
            score -= NO_WORKER_PENALTY;
            reasons.add("no worker claimed or heart-beat recently while " + signals.pendingRuns() + " run(s) wait");
        }
        if (signals.activeCheck().isPresent()) {
            judged = true;
            HealthState reported = signals.activeCheck().get();
            if (reported == HealthState.UNHEALTHY) {
                score = Math.min(score, unhealthyScore - 1);
            } else if (reported == HealthState.DEGRADED) {
                score = Math.min(score, healthyScore - 1);
            }
            reasons.add("health check: " + reported.wireName());
        }
        int rounded = (int) Math.max(0, Math.min(100, Math.round(score)));
        if (!judged) {
            return new Assessment(100, HealthState.UNKNOWN, "fewer than " + minRuns + " finished runs recently");
        }
        return new Assessment(rounded, stateOf(rounded), String.join("; ", reasons));
    }

    private HealthState stateOf(int score) {
        if (score >= healthyScore) {
            return HealthState.HEALTHY;
        }
        return score >= unhealthyScore ? HealthState.DEGRADED : HealthState.UNHEALTHY;
    }
}
