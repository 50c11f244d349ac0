import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The benchmark's HTTP client, compiled by bench/run.sh against the Plugboard jar (for Nimbus and Jackson),
 * or run as a single-file program with that jar on the class path: it signs tokens, seeds the catalog and
 * the settings owners through the real API, and drives the settings-write load (P2), where each connection
 * must send back the ETag it got, which wrk cannot do.
 *
 * <pre>
 *   java -cp plugboard.jar bench/http/BenchClient.java token SECRET SUBJECT [admin]
 *   java -cp plugboard.jar bench/http/BenchClient.java seed-catalog BASE SECRET COUNT
 *   java -cp plugboard.jar bench/http/BenchClient.java seed-owners BASE SECRET OWNERS PLUGIN
 *   java -cp plugboard.jar bench/http/BenchClient.java put-plugboard BASE SECRET OWNERS PLUGIN CONNECTIONS SECONDS
 *   java -cp plugboard.jar bench/http/BenchClient.java put-peer BASE IDS_FILE CONNECTIONS SECONDS
 * </pre>
 * The load commands print one line: {@code requests=N seconds=S rps=R errors=E}.
 */
public final class BenchClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private BenchClient() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "token" -> System.out.println(token(args[1], args[2], args.length > 3 && args[3].equals("admin")));
            case "seed-catalog" -> seedCatalog(args[1], args[2], Integer.parseInt(args[3]));
            case "seed-owners" -> seedOwners(args[1], args[2], Integer.parseInt(args[3]), args[4]);
            case "put-plugboard" -> putPlugboard(args[1], args[2], Integer.parseInt(args[3]), args[4],
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "put-peer" -> putPeer(args[1], Files.readAllLines(Path.of(args[2])), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static String token(String secret, String subject, boolean admin) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(4))))
                .claim("roles", admin ? List.of("admin") : List.of()).claim("plan", "enterprise").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner(secret.getBytes()));
        return jwt.serialize();
    }

    /** COUNT plugins bench-0000..., each with a 10-field settings schema, registered over the admin API. */
    static void seedCatalog(String base, String secret, int count) throws Exception {
        String admin = token(secret, "bench-admin", true);
        parallel(count, i -> {
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("name", "bench-%04d".formatted(i));
            manifest.put("version", "1.0.0");
            manifest.put("displayName", "Bench plugin " + i);
            manifest.put("description", "A plugin of the benchmark catalog, number " + i + ".");
            manifest.put("owner", "bench");
            manifest.put("category", i % 2 == 0 ? "bench" : "bench-odd");
            manifest.putArray("tags").add("bench").add("t" + (i % 10));
            manifest.set("settingsSchema", JSON.readTree(SCHEMA));
            manifest.set("execution", JSON.readTree("{\"mode\": \"external\", \"timeout\": \"1m\"}"));
            send(HttpRequest.newBuilder(URI.create(base + "/api/admin/plugins")).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json").POST(body(manifest)), 201);
        });
    }

    /** OWNERS users bench-owner-N, each with PLUGIN installed. */
    static void seedOwners(String base, String secret, int owners, String plugin) throws Exception {
        parallel(owners, i -> send(HttpRequest.newBuilder(URI.create(base + "/api/user/plugins/" + plugin + "/install"))
                .header("Authorization", "Bearer " + token(secret, owner(i), false))
                .header("Content-Type", "application/json").POST(body(settings(i, 0))), 201));
    }

    interface Seed {
        void run(int i) throws Exception;
    }

    /** Seeds 0..count-1 over a few connections, so that the seeding takes seconds, not minutes. */
    private static void parallel(int count, Seed seed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    seed.run(n);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each connection owns the owners i ≡ c (mod CONNECTIONS) and sends back the ETag each PUT answered. */
    static void putPlugboard(String base, String secret, int owners, String plugin, int connections, int seconds)
            throws Exception {
        List<String> tokens = new ArrayList<>();
        List<String> etags = new ArrayList<>();
        for (int i = 0; i < owners; i++) {
            tokens.add(token(secret, owner(i), false));
            HttpResponse<String> current = send(HttpRequest.newBuilder(URI.create(base + "/api/user/plugins/" + plugin))
                    .header("Authorization", "Bearer " + tokens.get(i)).GET(), 200);
            etags.add(current.headers().firstValue("ETag").orElseThrow());
        }
        URI uri = URI.create(base + "/api/user/plugins/" + plugin + "/config");
        load(connections, seconds, (connection, n) -> {
            int owner = ownerOf(connection, n, connections, owners);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + tokens.get(owner)).header("If-Match", etags.get(owner))
                    .header("Content-Type", "application/json").PUT(body(settings(owner, n))).build(),
                    HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("ETag").ifPresent(tag -> etags.set(owner, tag));
            return response.statusCode() == 200;
        });
    }

    /**
     * The same rows through Platformatic DB's {@code PUT /installations/{id}}, which replaces the whole row:
     * each row is read once, then written back with new settings, a higher version and a new update time.
     */
    static void putPeer(String base, List<String> ids, int connections, int seconds) throws Exception {
        int owners = ids.size();
        List<ObjectNode> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add((ObjectNode) JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/installations/" + id)).GET(),
                    200).body()));
        }
        load(connections, seconds, (connection, n) -> {
            int owner = ownerOf(connection, n, connections, owners);
            ObjectNode row = rows.get(owner).deepCopy();
            row.remove("needsAttention"); // a generated column: PostgreSQL refuses any value for it
            row.set("settings", settings(owner, n).get("settings"));
            row.put("version", row.path("version").asLong() + n + 1);
            row.put("updatedAt", Instant.now().toString());
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/installations/" + ids.get(owner)))
                    .header("Content-Type", "application/json").PUT(body(row)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        });
    }

    interface Call {
        boolean run(int connection, int n) throws Exception;
    }

    private static void load(int connections, int seconds, Call call) throws InterruptedException {
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread thread = new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    try {
                        (call.run(connection, n) ? ok : errors).increment();
                    } catch (Exception e) {
                        errors.increment();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("requests=%d seconds=%.1f rps=%.1f errors=%d%n", ok.sum(), elapsed, ok.sum() / elapsed,
                errors.sum());
    }

    /** The n-th owner of a connection: connection c owns the owners i with i mod connections = c. */
    private static int ownerOf(int connection, int n, int connections, int owners) {
        int owned = (owners - connection + connections - 1) / connections;
        return connection + connections * (n % owned);
    }

    private static String owner(int i) {
        return "bench-owner-%03d".formatted(i);
    }

    /** Ten fields; n rotates the values so that every write changes the row. */
    private static ObjectNode settings(int owner, int n) {
        ObjectNode settings = JSON.createObjectNode();
        settings.put("label", "owner " + owner + " value " + n);
        settings.put("count", n % 1000);
        settings.put("ratio", (n % 100) / 100.0);
        settings.put("enabled", n % 2 == 0);
        settings.put("mode", List.of("fast", "safe", "off").get(n % 3));
        settings.put("url", "https://example.test/hook/" + n);
        settings.put("email", "owner" + owner + "@example.test");
        settings.put("retries", n % 10);
        settings.putArray("tags").add("a" + (n % 5)).add("b");
        settings.putObject("window").put("from", n % 24).put("to", 23);
        ObjectNode request = JSON.createObjectNode();
        request.set("settings", settings);
        return request;
    }

    private static HttpRequest.BodyPublisher body(JsonNode node) throws Exception {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(node));
    }

    /** Sends a setup request; a 503 (nothing was carried out, e.g. no pooled connection in time) is sent again. */
    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int retry = 0; response.statusCode() == 503 && retry < 5; retry++) {
            Thread.sleep(2000);
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private static final String SCHEMA = """
            {"type": "object", "additionalProperties": false,
             "properties": {
               "label": {"type": "string", "maxLength": 200},
               "count": {"type": "integer", "minimum": 0, "maximum": 100000},
               "ratio": {"type": "number", "minimum": 0, "maximum": 1},
               "enabled": {"type": "boolean"},
               "mode": {"type": "string", "enum": ["fast", "safe", "off"]},
               "url": {"type": "string", "pattern": "^https?://"},
               "email": {"type": "string", "maxLength": 200},
               "retries": {"type": "integer", "minimum": 0, "maximum": 10},
               "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 10},
               "window": {"type": "object", "properties": {"from": {"type": "integer"}, "to": {"type": "integer"}}}
             }}""";
}
