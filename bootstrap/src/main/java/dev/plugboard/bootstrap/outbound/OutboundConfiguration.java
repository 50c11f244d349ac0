package dev.plugboard.bootstrap.outbound;

import dev.plugboard.adapter.outbound.OutboundPolicy;
import dev.plugboard.bootstrap.launch.DurationSetting;
import io.micronaut.context.env.Environment;

/**
 * The outbound guard's settings, from {@code plugboard.outbound.*} (environment variables
 * {@code PLUGBOARD_OUTBOUND_*}): see the configuration table in docs/configuration.md and docs/security/outbound.md.
 */
public final class OutboundConfiguration {

    public static final String ALLOW = OutboundPolicy.ALLOW;

    private OutboundConfiguration() {
    }

    public static OutboundPolicy from(Environment environment) {
        // A comma-separated string (the environment variable) and a YAML list both arrive as an array.
        String allow = String.join(",", environment.getProperty(ALLOW, String[].class).orElse(new String[0]));
        return new OutboundPolicy(allow,
                environment.getProperty("plugboard.outbound.max-redirects", Integer.class).orElse(OutboundPolicy.DEFAULT_MAX_REDIRECTS),
                environment.getProperty("plugboard.outbound.max-response-bytes", Long.class).orElse(OutboundPolicy.DEFAULT_MAX_RESPONSE_BYTES),
                DurationSetting.of(environment, "plugboard.outbound.connect-timeout", OutboundPolicy.DEFAULT_CONNECT_TIMEOUT),
                DurationSetting.of(environment, "plugboard.outbound.read-timeout", OutboundPolicy.DEFAULT_READ_TIMEOUT),
                DurationSetting.of(environment, "plugboard.outbound.call-timeout", OutboundPolicy.DEFAULT_CALL_TIMEOUT));
    }
}
