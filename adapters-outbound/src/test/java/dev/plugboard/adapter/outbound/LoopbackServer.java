package dev.plugboard.adapter.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A test endpoint on 127.0.0.1 only: {@code /ok} answers "hello", {@code /redirect?to=URL} answers
 * 302 to URL, {@code /loop} redirects to itself, {@code /big?n=N} sends N bytes with a length and
 * {@code /stream?n=N} as many without one, {@code /slow} answers after 30 s. It records each path it serves.
 */
final class LoopbackServer implements AutoCloseable {

    final List<String> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        seen.add(path);
        exchange.getRequestBody().readAllBytes();
        switch (path) {
            case "/redirect" -> redirect(exchange, java.net.URLDecoder.decode(query.substring("to=".length()), StandardCharsets.UTF_8));
            case "/loop" -> redirect(exchange, "/loop");
            case "/big" -> send(exchange, bytes(query), false);
            case "/stream" -> send(exchange, bytes(query), true);
            case "/slow" -> {
                try {
                    closing.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, "late".getBytes(StandardCharsets.UTF_8), false);
            }
            default -> send(exchange, "hello".getBytes(StandardCharsets.UTF_8), false);
        }
    }

    private static byte[] bytes(String query) {
        return "x".repeat(Integer.parseInt(query.substring("n=".length()))).getBytes(StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, byte[] body, boolean chunked) throws IOException {
        exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // The client stopped reading at its limit.
        }
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
