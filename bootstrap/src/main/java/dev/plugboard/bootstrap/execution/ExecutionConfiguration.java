package dev.plugboard.bootstrap.execution;

import dev.plugboard.bootstrap.launch.DurationSetting;
import dev.plugboard.application.service.execution.ExecutionSettings;
import dev.plugboard.domain.circuit.CircuitPolicy;
import io.micronaut.context.env.Environment;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The operator's execution knobs, from {@code plugboard.execution.*} (environment variables
 * {@code PLUGBOARD_EXECUTION_*}): see the configuration table in docs/configuration.md.
 */
public record ExecutionConfiguration(boolean enabled, ExecutionSettings settings, Duration pollInterval, Duration reapInterval) {

    public static ExecutionConfiguration from(Environment environment) {
        String instance = environment.getProperty("plugboard.execution.instance-id", String.class).orElseGet(ExecutionConfiguration::defaultInstanceId);
        CircuitPolicy circuit = new CircuitPolicy(
                environment.getProperty("plugboard.execution.circuit.failure-threshold", Integer.class).orElse(CircuitPolicy.DEFAULT.failureThreshold()),
                duration(environment, "plugboard.execution.circuit.cooldown", CircuitPolicy.DEFAULT.cooldown()),
                environment.getProperty("plugboard.execution.circuit.half-open-trials", Integer.class).orElse(CircuitPolicy.DEFAULT.halfOpenTrials()));
        ExecutionSettings settings = new ExecutionSettings(instance,
                environment.getProperty("plugboard.execution.concurrency", Integer.class).orElse(4),
                duration(environment, "plugboard.execution.lease", Duration.ofSeconds(30)),
                circuit,
                duration(environment, "plugboard.execution.circuit.idle", Duration.ofDays(7)));
        return new ExecutionConfiguration(environment.getProperty("plugboard.execution.enabled", Boolean.class).orElse(true),
                settings,
                duration(environment, "plugboard.execution.poll-interval", Duration.ofMillis(250)),
                duration(environment, "plugboard.execution.reap-interval", Duration.ofSeconds(5)));
    }

    private static Duration duration(Environment environment, String property, Duration fallback) {
        return DurationSetting.of(environment, property, fallback);
    }

    /** host:pid, so that leases say which instance holds them. */
    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
