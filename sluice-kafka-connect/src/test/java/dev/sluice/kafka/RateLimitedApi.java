package dev.sluice.kafka;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An API on a real local socket that answers 429 to any request that would make more than {@code perSecond} calls
 * in the one second before it (a sliding window, counted at arrival). {@code GET /items/<part>?page=<n>} gives
 * {@value #PAGES} pages of {@value #PAGE_SIZE} items per part, ids unique across parts.
 */
final class RateLimitedApi implements AutoCloseable {

    static final int PAGES = 3;
    static final int PAGE_SIZE = 5;

    private final int perSecond;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    /** Arrival times (nanoseconds) of the calls served in the last second. */
    private final Deque<Long> window = new ArrayDeque<>();
    private int served;
    private int refused;

    private RateLimitedApi(int perSecond) throws IOException {
        this.perSecond = perSecond;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/items/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static RateLimitedApi start(int perSecond) {
        try {
            return new RateLimitedApi(perSecond);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized int served() {
        return served;
    }

    synchronized int refused() {
        return refused;
    }

    synchronized void reset() {
        window.clear();
        served = 0;
        refused = 0;
    }

    /** Whether a call arriving now is within the limit; counts it. */
    private synchronized boolean admit() {
        long now = System.nanoTime();
        while (!window.isEmpty() && now - window.peekFirst() >= TimeUnit.SECONDS.toNanos(1)) {
            window.removeFirst();
        }
        if (window.size() >= perSecond) {
            refused++;
            return false;
        }
        window.addLast(now);
        served++;
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!admit()) {
                send(exchange, 429, "{\"error\": \"too many requests\"}");
                return;
            }
            String part = exchange.getRequestURI().getPath().substring("/items/".length());
            int index = Integer.parseInt(part.replaceAll("\\D", ""));
            String query = exchange.getRequestURI().getQuery();
            int page = query != null && query.startsWith("page=") ? Integer.parseInt(query.substring(5)) : 1;
            ObjectNode body = Json.object();
            ArrayNode data = body.putArray("data");
            for (int i = 0; i < PAGE_SIZE; i++) {
                data.addObject().put("id", (index * PAGES + page - 1) * PAGE_SIZE + i).put("part", part);
            }
            if (page < PAGES) {
                body.put("next_page", page + 1);
            } else {
                body.putNull("next_page");
            }
            send(exchange, 200, Json.write(body));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
