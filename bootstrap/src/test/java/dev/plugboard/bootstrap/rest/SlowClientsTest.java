package dev.plugboard.bootstrap.rest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and idle clients cannot starve the others: with 500 idle connections and 50 slowloris
 * clients (a header a byte a second) open, ordinary requests still answer within a second; and the
 * server closes a connection on which nothing happened for {@code plugboard.http.idle-timeout}.
 */
class SlowClientsTest {

    private static final int IDLE = 500;
    private static final int SLOWLORIS = 50;
    /** Long enough that the idle connections of the first test stay open while it runs (the default is 60 s). */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);

    private static Path folder;
    private static FullStackServer server;

    @BeforeAll
    static void start() {
        folder = FullStackServer.newFolder("plugboard-slow-clients");
        server = FullStackServer.start(folder, Map.of("plugboard.http.idle-timeout", IDLE_TIMEOUT.toMillis() + "ms",
                "plugboard.rate-limit.enabled", false));
    }

    @AfterAll
    static void stop() {
        server.application().close();
        FullStackServer.delete(folder);
    }

    @Test
    void givenManyIdleAndSlowlorisConnections_ordinaryRequests_stillAnswerWithinASecond() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(server.baseUrl().resolve("/health")).timeout(Duration.ofSeconds(10)).build();
        client.send(health, HttpResponse.BodyHandlers.discarding()); // warm: the first request pays for class loading
        List<Socket> sockets = new ArrayList<>();
        ScheduledExecutorService dripping = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < IDLE; i++) {
                sockets.add(connect());
            }
            List<OutputStream> slow = new ArrayList<>();
            for (int i = 0; i < SLOWLORIS; i++) {
                Socket socket = connect();
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                slow.add(out);
            }
            // A byte a second on every slowloris connection: never idle, never done.
            dripping.scheduleAtFixedRate(() -> slow.forEach(out -> {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException closed) {
                    // The server may close them; that is allowed.
                }
            }), 0, 1, TimeUnit.SECONDS);

            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }

            System.err.println("SlowClientsTest: ordinary requests beside " + IDLE + " idle and " + SLOWLORIS
                    + " slowloris connections took " + millis + " ms");
            assertThat(millis).as("each ordinary request's time in ms").allSatisfy(ms -> assertThat(ms).isLessThan(1000));
        } finally {
            dripping.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void givenAConnectionThatSendsNothing_theServerClosesIt_afterTheIdleTimeout() throws Exception {
        try (Socket socket = connect()) {
            socket.setSoTimeout((int) IDLE_TIMEOUT.multipliedBy(10).toMillis());
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();

            int read;
            try {
                read = in.read();
            } catch (SocketTimeoutException stillOpen) {
                read = -2;
            }

            assertThat(read).as("end of stream: the server closed the idle connection").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusMillis(500));
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.baseUrl().getHost(), server.baseUrl().getPort()), 5000);
        return socket;
    }
}
