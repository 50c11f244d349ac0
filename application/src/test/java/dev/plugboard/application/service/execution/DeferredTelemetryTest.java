package dev.plugboard.application.service.execution;

import dev.plugboard.application.port.out.Telemetry;
import dev.plugboard.domain.plugin.PluginName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an attempt's end reports reaches the meters once its transaction committed, and never twice. */
class DeferredTelemetryTest {

    private final List<String> seen = new ArrayList<>();
    private final Telemetry meters = new Telemetry() {
        @Override
        public void attemptEnded(PluginName plugin, AttemptOutcome outcome) {
            seen.add(plugin.value() + " " + outcome.label());
        }
    };

    @Test
    void givenReportsOfARolledBackBatch_thenTheRunWrittenAlone_eachAttemptIsCountedOnce() {
        DeferredTelemetry reports = new DeferredTelemetry(meters);
        reports.attemptEnded(PluginName.of("analytics"), Telemetry.AttemptOutcome.SUCCEEDED);
        assertThat(seen).as("nothing before the commit").isEmpty();

        reports.drop(); // the batch rolled back
        reports.attemptEnded(PluginName.of("analytics"), Telemetry.AttemptOutcome.SUCCEEDED); // written alone
        reports.send();
        reports.send();

        assertThat(seen).containsExactly("analytics succeeded");
    }
}
