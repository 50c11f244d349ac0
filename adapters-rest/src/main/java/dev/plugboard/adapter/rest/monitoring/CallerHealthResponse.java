package dev.plugboard.adapter.rest.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.application.port.in.monitoring.PluginHealthUseCase.CallerHealth;
import dev.plugboard.application.port.out.monitoring.HealthSignalSource.RunSample;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;

/**
 * A plugin's health as one owner sees it: the global verdict, and their own recent runs of it.
 *
 * @param global the plugin's verdict across every owner
 * @param own    the caller's own finished runs in the health window
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CallerHealthResponse(PluginHealthResponse global, OwnRuns own) {

    public static CallerHealthResponse from(CallerHealth health) {
        return new CallerHealthResponse(PluginHealthResponse.from(health.global()), OwnRuns.from(health.own()));
    }

    /**
     * @param runs        finished runs counted (circuit rejections and cancellations left out)
     * @param successRate successes among them, 0 to 1; null when there were none
     * @param p95Millis   95th-percentile duration in milliseconds; null when none ran
     * @param averageMillis average duration in milliseconds; null when none ran
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OwnRuns(int runs, int succeeded, @Nullable Double successRate, @Nullable Long p95Millis,
                          @Nullable Long averageMillis) {

        static OwnRuns from(RunSample sample) {
            Double rate = sample.finished() == 0 ? null : (double) sample.succeeded() / sample.finished();
            return new OwnRuns(sample.finished(), sample.succeeded(), rate,
                    sample.p95().map(Duration::toMillis).orElse(null), sample.average().map(Duration::toMillis).orElse(null));
        }
    }
}
