import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small JDK load generator for the catalog read (P1) and the settings PUT (P2) of issue 16, run as a
 * single-file program against a real server:
 *
 *   java bench/load/CatalogLoad.java setup URL PLUGINS OWNERS
 *   java bench/load/CatalogLoad.java get   URL SECONDS CONNECTIONS OWNERS
 *   java bench/load/CatalogLoad.java put   URL SECONDS CONNECTIONS OWNERS
 *
 * The JWT secret is read from PLUGBOARD_JWT_SECRET (the server's). It prints one line per phase:
 * requests per second, and the count of each status. Not a test: no figure here is asserted.
 */
public class CatalogLoad {

    static final String PLUGIN = "bench-p0000";

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Tokens tokens = new Tokens(System.getenv("PLUGBOARD_JWT_SECRET"));
        switch (mode) {
            case "setup" -> setup(http, url, tokens, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "get", "put" -> drive(http, url, tokens, mode, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("mode must be setup, get or put, not " + mode);
        }
    }

    static void setup(HttpClient http, String url, Tokens tokens, int plugins, int owners) throws Exception {
        String admin = tokens.sign("bench-admin", "admin");
        for (int i = 0; i < plugins; i++) {
            String manifest = """
                    {"name": "bench-p%04d", "version": "1.0.0", "displayName": "Bench plugin %d",
                     "description": "A plugin of the benchmark catalog", "category": "bench-%d", "tags": ["bench"],
                     "settingsSchema": {"type": "object", "properties": {
                        "title": {"type": "string", "maxLength": 100}, "count": {"type": "integer", "minimum": 0},
                        "mode": {"type": "string", "enum": ["fast", "safe"]}}, "additionalProperties": false},
                     "execution": {"mode": "external"}}""".formatted(i, i, i % 10);
            expect(send(http, post(url + "/api/admin/plugins", admin, manifest)), 200, 201);
        }
        for (int i = 0; i < owners; i++) {
            expect(send(http, post(url + "/api/user/plugins/" + PLUGIN + "/install", tokens.owner(i),
                    "{\"settings\": {\"title\": \"start\", \"count\": 0}}")), 201, 409);
        }
        System.out.printf("setup: %d plugins, %d owners with %s installed%n", plugins, owners, PLUGIN);
    }

    static void drive(HttpClient http, String url, Tokens tokens, String mode, int seconds, int connections, int owners)
            throws Exception {
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<Integer, String> etags = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int lane = c;
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    // Each connection has owners of its own, so that no two PUTs race on one row.
                    int owner = (int) ((next.getAndIncrement() % Math.max(1, owners / connections)) * connections + lane) % owners;
                    try {
                        HttpResponse<String> response = "get".equals(mode)
                                ? send(http, get(url + "/api/plugins?limit=20", tokens.owner(owner)))
                                : put(http, url, tokens.owner(owner), owner, etags);
                        statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                    } catch (Exception e) {
                        statuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        Instant started = Instant.now();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        long ok = statuses.getOrDefault(200, new LongAdder()).sum();
        System.out.printf("%s: %.0f req/s (200s only) over %.1f s, %d connections; statuses %s%n",
                mode, ok / elapsed, elapsed, connections, statuses);
    }

    /** One settings PUT with If-Match; a 412 (the version moved) fetches the ETag again and counts as such. */
    static HttpResponse<String> put(HttpClient http, String url, String token, int owner, Map<Integer, String> etags)
            throws Exception {
        String path = url + "/api/user/plugins/" + PLUGIN;
        String etag = etags.get(owner);
        if (etag == null) {
            etag = send(http, get(path, token)).headers().firstValue("ETag").orElseThrow();
        }
        long value = System.nanoTime() & 0xffff;
        HttpRequest request = HttpRequest.newBuilder(URI.create(path + "/config")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"settings\": {\"title\": \"t" + value + "\", \"count\": " + value
                        + ", \"mode\": \"" + (value % 2 == 0 ? "fast" : "safe") + "\"}}")).build();
        HttpResponse<String> response = send(http, request);
        response.headers().firstValue("ETag").ifPresentOrElse(tag -> etags.put(owner, tag), () -> etags.remove(owner));
        return response;
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }

    /** HS256 tokens as `plugboard token` signs them (sub, roles, iat, exp), one per owner, made once. */
    static final class Tokens {
        private final byte[] secret;
        private final Map<Integer, String> owners = new ConcurrentHashMap<>();

        Tokens(String secret) {
            if (secret == null || secret.length() < 32) {
                throw new IllegalArgumentException("set PLUGBOARD_JWT_SECRET to the server's secret (32+ characters)");
            }
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
        }

        String owner(int i) {
            return owners.computeIfAbsent(i, n -> sign("bench-owner-" + n, null));
        }

        String sign(String subject, String role) {
            long now = Instant.now().getEpochSecond();
            String claims = "{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                    + (role == null ? ",\"roles\":[]" : ",\"roles\":[\"" + role + "\"]") + "}";
            String unsigned = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64(claims);
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return unsigned + "." + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static String base64(String json) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
