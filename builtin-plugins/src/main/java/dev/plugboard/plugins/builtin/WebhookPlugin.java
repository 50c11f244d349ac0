package dev.plugboard.plugins.builtin;

import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.OutboundHttp;
import dev.plugboard.application.spi.PluginFailure;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.settings.JsonDocument;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * An outgoing webhook: sends each run's input, as JSON, to an HTTP endpoint of the owner's choice.
 *
 * <p>Settings: {@code url} (required, http or https), {@code method} ({@code POST} or {@code PUT}),
 * {@code secret} (optional, write-only, at least 16 characters) and {@code timeoutSeconds} (1 to 60,
 * default 10), which bounds connecting and the whole exchange alike.
 *
 * <p>Every request carries {@code Content-Type: application/json}, {@code X-Plugboard-Run: <run id>}
 * and, when a secret is set, {@code X-Plugboard-Signature: sha256=<hex HMAC-SHA256 of the body keyed
 * with the secret>}; the receiver recomputes it over the raw body to check the request is genuine.
 *
 * <p>Outcomes: a 2xx answer gives {@code {"status": 204, "durationMs": 35}}; 4xx fails with
 * {@code HTTP_4XX} (not retried: the endpoint refuses the request as it is), 5xx with
 * {@code HTTP_5XX} (retried), no connection or no answer in time with {@code HTTP_UNREACHABLE}
 * (retried), a redirect or other status with {@code HTTP_UNEXPECTED_STATUS} (not retried: redirects
 * are not followed), unusable settings with {@code INVALID_SETTINGS}. The request goes through the
 * context's guarded client, so an internal address (loopback, private, link-local such as
 * 169.254.169.254, ...) fails with {@code OUTBOUND_BLOCKED} (not retried) unless the operator allows
 * it, and an answer larger than the operator's limit with {@code OUTBOUND_RESPONSE_TOO_LARGE}. The
 * secret is never logged nor put in an output or error message. An interrupted handler thread aborts
 * the request at once and ends with {@link InterruptedException}.
 */
public final class WebhookPlugin implements PluginHandler {

    static final String RUN_HEADER = "X-Plugboard-Run";
    static final String SIGNATURE_HEADER = "X-Plugboard-Signature";
    static final int DEFAULT_TIMEOUT_SECONDS = 10;
    private static final int MAX_TIMEOUT_SECONDS = 60;
    private static final int MIN_SECRET_LENGTH = 16;
    private static final int SNIPPET_BYTES = 200;
    private static final Pattern HTTP_URL = Pattern.compile("^https?://", Pattern.CASE_INSENSITIVE);

    private static final PluginManifest MANIFEST = PluginManifest.builder("webhook", "1.0.0")
            .displayName("Outgoing webhook")
            .description("Sends each run's input (for example every received message) to an HTTP endpoint you choose,"
                    + " signed with HMAC-SHA256 when you set a secret.")
            .owner("plugboard")
            .category("automation")
            .icon("send")
            .tags(List.of("http", "integration", "webhook"))
            .capabilities(List.of("event:message.received"))
            .defaultSettings(JsonDocument.of(Map.of("method", "POST", "timeoutSeconds", DEFAULT_TIMEOUT_SECONDS)))
            .settingsSchema(JsonDocument.parse("""
                    {
                      "$schema": "https://json-schema.org/draft/2020-12/schema",
                      "type": "object",
                      "required": ["url"],
                      "properties": {
                        "url": {"type": "string", "pattern": "^https?://", "maxLength": 2000,
                          "description": "Where to send each run's input"},
                        "method": {"type": "string", "enum": ["POST", "PUT"], "default": "POST"},
                        "secret": {"type": "string", "minLength": 16, "writeOnly": true,
                          "description": "Signs each request: X-Plugboard-Signature: sha256=<hex HMAC-SHA256 of the body>"},
                        "timeoutSeconds": {"type": "integer", "minimum": 1, "maximum": 60, "default": 10,
                          "description": "How long to wait to connect, and for the whole exchange"}
                      },
                      "additionalProperties": false
                    }"""))
            .inputSchema(JsonDocument.parse("""
                    {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}"""))
            .outputSchema(JsonDocument.parse("""
                    {
                      "$schema": "https://json-schema.org/draft/2020-12/schema",
                      "type": "object",
                      "required": ["status", "durationMs"],
                      "properties": {
                        "status": {"type": "integer", "minimum": 200, "maximum": 299},
                        "durationMs": {"type": "integer", "minimum": 0}
                      },
                      "additionalProperties": false
                    }"""))
            .source(PluginSource.BUILTIN)
            // The longest exchange the settings allow (60 s), with room to spare before the executor interrupts.
            .execution(new ExecutionPolicy(ExecutionMode.IN_PROCESS, Duration.ofSeconds(MAX_TIMEOUT_SECONDS + 5),
                    new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(2), 2.0,
                            Set.of("INVALID_SETTINGS", "HTTP_4XX", "OUTBOUND_BLOCKED", "OUTBOUND_RESPONSE_TOO_LARGE"))))
            .build();

    @Override
    public PluginManifest manifest() {
        return MANIFEST;
    }

    @Override
    public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context)
            throws PluginFailure, InterruptedException {
        Target target = Target.of(settings);
        byte[] body = input.toJson().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Plugboard-Webhook/1.0");
        headers.put(RUN_HEADER, context.runId().toString());
        if (target.secret() != null) {
            headers.put(SIGNATURE_HEADER, "sha256=" + sign(target.secret(), body));
        }
        long started = System.nanoTime();
        OutboundHttp.Response response;
        try {
            // Through the guarded client: internal addresses are refused (OUTBOUND_BLOCKED) unless the operator allows them.
            response = context.outbound().send(OutboundHttp.Request.json(target.method(), target.url(), headers, body,
                    Duration.ofSeconds(target.timeoutSeconds())));
        } catch (InterruptedIOException e) {
            throw unreachable(target, "no answer within " + target.timeoutSeconds() + " s");
        } catch (ConnectException e) {
            throw unreachable(target, "connection refused or failed");
        } catch (IOException e) {
            throw unreachable(target, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int status = response.status();
        context.logger().log(System.Logger.Level.INFO, () -> target.method() + " " + target.where() + " answered "
                + status + " in " + durationMs + " ms");
        if (status >= 200 && status < 300) {
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("status", status);
            output.put("durationMs", durationMs);
            return JsonDocument.of(output);
        }
        String answer = target.method() + " " + target.where() + " answered " + status + snippet(response.body());
        if (status >= 400 && status < 500) {
            throw new PluginFailure("HTTP_4XX", answer, false);
        }
        if (status >= 500 && status < 600) {
            throw new PluginFailure("HTTP_5XX", answer, true);
        }
        throw new PluginFailure("HTTP_UNEXPECTED_STATUS", answer + " (redirects are not followed; set the final URL)", false);
    }

    private static PluginFailure unreachable(Target target, String why) {
        return new PluginFailure("HTTP_UNREACHABLE", target.method() + " " + target.where() + ": " + why, true);
    }

    /** Hex HMAC-SHA256 of {@code body} keyed with {@code secret}, as sent in {@value #SIGNATURE_HEADER}. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The first bytes of an error body, on one line, for the error message. */
    private static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, SNIPPET_BYTES), StandardCharsets.UTF_8)
                .strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + text + (body.length > SNIPPET_BYTES ? "…" : "");
    }

    /** Checked settings; {@code secret} is null when none is set. */
    private record Target(URI url, String method, String secret, int timeoutSeconds) {

        static Target of(JsonDocument settings) throws PluginFailure {
            Object url = settings.get("url").orElse(null);
            if (!(url instanceof String text) || !HTTP_URL.matcher(text).find()) {
                throw invalidSettings("url must be an http:// or https:// URL");
            }
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw invalidSettings("url is not a valid URL: " + e.getReason());
            }
            if (uri.getHost() == null) {
                throw invalidSettings("url must name a host");
            }
            Object method = settings.get("method").orElse("POST");
            if (!"POST".equals(method) && !"PUT".equals(method)) {
                throw invalidSettings("method must be POST or PUT");
            }
            Object timeout = settings.get("timeoutSeconds").orElse((long) DEFAULT_TIMEOUT_SECONDS);
            if (!(timeout instanceof Long seconds) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
                throw invalidSettings("timeoutSeconds must be a whole number from 1 to " + MAX_TIMEOUT_SECONDS);
            }
            Object secret = settings.get("secret").orElse(null);
            if (secret != null && (!(secret instanceof String key) || key.length() < MIN_SECRET_LENGTH)) {
                // Never echo the value.
                throw invalidSettings("secret must be a string of at least " + MIN_SECRET_LENGTH + " characters");
            }
            return new Target(uri, (String) method, (String) secret, seconds.intValue());
        }

        /** Scheme, host and port only: the path or query may carry a token. */
        String where() {
            return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        }

        @Override
        public String toString() {
            return "Target[" + method + " " + where() + (secret == null ? "" : ", secret=(set)") + "]";
        }

        private static PluginFailure invalidSettings(String message) {
            return new PluginFailure("INVALID_SETTINGS", message, false);
        }
    }
}
