package dev.plugboard.adapter.console.analytics;

import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase;
import dev.plugboard.application.port.in.analytics.AnalyticsStatsUseCase.AnalyticsStatsQuery;
import dev.plugboard.domain.installation.InstallationNotFoundException;
import dev.plugboard.domain.owner.Owner;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Builds the analytics widget of an owner, for the home page and the analytics plugin's page. */
@Singleton
public final class AnalyticsWidgets {

    private final AnalyticsStatsUseCase analytics;

    AnalyticsWidgets(AnalyticsStatsUseCase analytics) {
        this.analytics = analytics;
    }

    public AnalyticsWidget of(Owner owner) {
        try {
            return new AnalyticsWidget(Optional.of(analytics.stats(new AnalyticsStatsQuery(owner,
                    AnalyticsStatsUseCase.DEFAULT_DAYS))));
        } catch (InstallationNotFoundException notInstalled) {
            return new AnalyticsWidget(Optional.empty());
        }
    }

    /** Whether {@code plugin} is the one whose statistics the widget shows. */
    public static boolean isAnalytics(String plugin) {
        return AnalyticsStatsUseCase.PLUGIN.equals(plugin);
    }
}
