package dev.plugboard.application.port.in.analytics;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.owner.Owner;

import java.time.LocalDate;
import java.util.List;

/**
 * Reading an owner's message statistics from the analytics plugin's store without starting a run
 * (seed 002, task 3.3.3): totals, today, the last seven days, unique users and a daily series.
 */
public interface AnalyticsStatsUseCase {

    /** The plugin whose store is read. */
    String PLUGIN = "analytics";
    int MIN_DAYS = 1;
    int MAX_DAYS = 90;
    int DEFAULT_DAYS = 7;

    /**
     * The statistics as of the runs that completed before the call.
     *
     * @throws dev.plugboard.domain.installation.InstallationNotFoundException when the owner has not installed analytics
     */
    AnalyticsStats stats(AnalyticsStatsQuery query);

    /** Whose statistics, over how many UTC days (today included). */
    record AnalyticsStatsQuery(Owner owner, int days) {

        public AnalyticsStatsQuery {
            Require.present("owner", owner);
            if (days < MIN_DAYS || days > MAX_DAYS) {
                throw new InvalidValueException("days", days, "must be a whole number from " + MIN_DAYS + " to " + MAX_DAYS);
            }
        }
    }

    /**
     * The answer. {@code thisWeek} is the last seven UTC days, today included; {@code uniqueUsers}
     * counts every user ever seen; {@code series} holds one entry per day, oldest first, zero for a
     * day without messages.
     */
    record AnalyticsStats(long totalMessages, long today, long thisWeek, long uniqueUsers, List<Day> series) {

        public AnalyticsStats {
            series = List.copyOf(series);
        }
    }

    /** One UTC day: messages, and distinct users on that day. */
    record Day(LocalDate date, long messages, long users) {
    }
}
