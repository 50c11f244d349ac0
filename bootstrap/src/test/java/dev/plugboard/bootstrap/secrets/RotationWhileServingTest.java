package dev.plugboard.bootstrap.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.adapter.rest.contract.ApiClient;
import dev.plugboard.adapter.rest.contract.ApiResponse;
import dev.plugboard.adapter.rest.contract.ApiTarget;
import dev.plugboard.adapter.rest.contract.ContractPlugins;
import dev.plugboard.adapter.rest.contract.Who;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase.RotateCommand;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase.RotationReport;
import dev.plugboard.application.port.out.SecretCipher;
import dev.plugboard.bootstrap.PlugboardApplication;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import dev.plugboard.domain.audit.Actor;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugboard secrets rotate} run by another process's context (its own cipher, reading the
 * same keyset file) while the server takes reads and secret-changing writes: afterwards every
 * stored secret is sealed with the new key, and each holds the last value its owner wrote.
 */
class RotationWhileServingTest {

    private static final String JWT = "rotation-test-secret-of-32-bytes-or-more!!";
    private static final int OWNERS = 24;

    @Test
    void givenTrafficDuringRotation_everySecretEndsUnderTheNewKeyWithItsLastWrittenValue() throws Exception {
        Path data = Files.createTempDirectory("plugboard-rotation");
        Files.createDirectories(data.resolve("plugins"));
        // The traffic is as fast as the machine allows; the rate limit (tested elsewhere) would answer 429 to it.
        Map<String, Object> overrides = Map.of("plugboard.data-dir", data.toString(),
                "plugboard.plugins-dir", data.resolve("plugins").toString(), "plugboard.jwt.secret", JWT,
                "micronaut.server.port", -1, "plugboard.execution.enabled", false, "plugboard.rate-limit.enabled", false);
        try (PlugboardApplication server = PlugboardApplication.start(overrides)) {
            ApiClient api = new ApiClient(target(server));
            ContractPlugins.register(api, Who.newAdmin(), ContractPlugins.webhook());
            List<Who> owners = new ArrayList<>();
            Map<String, String> lastToken = new ConcurrentHashMap<>();
            for (int i = 0; i < OWNERS; i++) {
                Who owner = Who.newUser("rot" + i);
                owners.add(owner);
                String token = "token-" + owner.user() + "-0";
                ApiResponse installed = api.post("/api/user/plugins/contract-webhook/install", owner,
                        "{\"settings\": {\"url\": \"https://example.test/h\", \"token\": \"" + token + "\"}}");
                assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
                lastToken.put(owner.user(), token);
            }

            AtomicBoolean rotating = new AtomicBoolean(true);
            AtomicInteger writes = new AtomicInteger();
            ExecutorService traffic = Executors.newFixedThreadPool(2);
            Future<?> writer = traffic.submit(() -> {
                int round = 1;
                while (rotating.get() || round < 3) {
                    for (Who owner : owners) {
                        String token = "token-" + owner.user() + "-" + round;
                        ApiResponse put = api.put("/api/user/plugins/contract-webhook/config", owner,
                                "{\"settings\": {\"token\": \"" + token + "\"}}", Map.of());
                        assertThat(put.status()).as(put.toString()).isEqualTo(200);
                        lastToken.put(owner.user(), token);
                        writes.incrementAndGet();
                    }
                    round++;
                }
                return null;
            });
            Future<?> reader = traffic.submit(() -> {
                while (rotating.get()) {
                    for (Who owner : owners.subList(0, 6)) {
                        ApiResponse got = api.get("/api/user/plugins/contract-webhook", owner);
                        assertThat(got.status()).isEqualTo(200);
                        assertThat(got.json().at("/settings/token").asText()).isEqualTo("(set)");
                    }
                }
                return null;
            });

            RotationReport report;
            LaunchConfiguration cli = LaunchConfiguration.resolve(overrides, true);
            try (ApplicationContext cliContext = ApplicationContext.builder().properties(cli.properties()).start()) {
                report = cliContext.getBean(SecretKeysUseCase.class).rotate(new RotateCommand(Actor.operator("ops"), 1,
                        progress -> { }, java.time.Duration.ofSeconds(3)));
            } finally {
                rotating.set(false);
                cli.close();
            }
            writer.get(60, TimeUnit.SECONDS);
            reader.get(60, TimeUnit.SECONDS);
            traffic.shutdown();

            assertThat(report.secretsReencrypted()).isGreaterThanOrEqualTo(1);
            assertThat(report.remaining()).as("secrets left under the old key").isZero();
            assertThat(writes.get()).isGreaterThanOrEqualTo(OWNERS * 2);
            SecretCipher serverCipher = server.context().getBean(SecretCipher.class);
            assertThat(((dev.plugboard.adapter.secrets.TinkSecretCipher) serverCipher).primaryKeyId())
                    .as("the server re-read the rotated keyset").isEqualTo(report.keyId());
            List<String> sealed = new RawSql(server.context()).strings(
                    "SELECT secrets ->> '/token' FROM installations WHERE user_id LIKE 'rot%'");
            assertThat(sealed).hasSize(OWNERS).allSatisfy(ciphertext ->
                    assertThat(serverCipher.sealedWithPrimaryKey(ciphertext)).as("sealed with the new key").isTrue());

            for (Who owner : owners) {
                api.post("/api/user/plugins/contract-webhook/runs", owner, "{\"input\": {}}");
            }
            ApiResponse claimed = api.post("/api/worker/runs/claim", Who.newUser("w").withRoles("worker"),
                    "{\"plugins\": [\"contract-webhook\"], \"max\": " + OWNERS + ", \"leaseSeconds\": 60}");
            assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
            Map<String, String> seen = new ConcurrentHashMap<>();
            for (JsonNode run : claimed.json().path("runs")) {
                String owner = run.path("owner").asText().replace("user:", "");
                seen.put(owner, run.at("/settings/token").asText());
            }
            assertThat(seen).isEqualTo(lastToken);
        }
    }

    private static ApiTarget target(PlugboardApplication server) {
        return new ApiTarget() {
            @Override
            public URI baseUrl() {
                return server.uri();
            }

            @Override
            public String jwtSecret() {
                return JWT;
            }
        };
    }
}
