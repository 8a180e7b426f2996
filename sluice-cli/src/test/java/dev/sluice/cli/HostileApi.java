package dev.sluice.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP API whose answers a test scripts per path, including bodies far larger than the test's memory
 * (written as they are sent). Every request's path and query is recorded.
 */
final class HostileApi implements AutoCloseable {

    private static final byte[] HEAD = "{\"data\": [".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.US_ASCII);
    private static final String PADDING = "x".repeat(1000);

    /** Writes one response. */
    @FunctionalInterface
    interface Answer {
        void respond(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hostile-api");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private HostileApi(HttpServer server) {
        this.server = server;
    }

    static HostileApi start() throws IOException {
        HostileApi api = new HostileApi(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                50));
        api.server.createContext("/", api::handle);
        api.server.setExecutor(api.threads);
        api.server.start();
        return api;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    HostileApi answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    /** {@code path?query} of every request so far, oldest first. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> requestsFor(String path) {
        return requests.stream().filter(request -> request.equals(path) || request.startsWith(path + "?")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String path = exchange.getRequestURI().getRawPath();
        requests.add(query == null ? path : path + "?" + query);
        try (exchange) {
            Answer answer = answers.get(path);
            if (answer == null) {
                json(404, "{\"error\": \"no such path\"}").respond(exchange);
            } else {
                answer.respond(exchange);
            }
        } catch (IOException e) {
            // The client hung up (as it should on a body it refuses): nothing more to send.
        }
    }

    static Answer json(int status, String body) {
        return bytes(status, body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer bytes(int status, byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        };
    }

    /**
     * A 200 JSON body of about {@code totalBytes}: {@code {"data": [{"id": 1, "pad": "xx…"}, …]}}, generated while
     * it is sent, with a {@code Content-Length} that matches.
     */
    static Answer streamedRecords(long totalBytes) {
        long count = streamedRecordCount(totalBytes);
        return exchange -> {
            long length = HEAD.length + TAIL.length + count - 1;
            for (long id = 1; id <= count; id++) {
                length += record(id, PADDING).length;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, length);
            OutputStream out = exchange.getResponseBody();
            out.write(HEAD);
            for (long id = 1; id <= count; id++) {
                if (id > 1) {
                    out.write(',');
                }
                out.write(record(id, PADDING));
            }
            out.write(TAIL);
        };
    }

    /** How many records {@link #streamedRecords} sends for {@code totalBytes}. */
    static long streamedRecordCount(long totalBytes) {
        return Math.max(1, (totalBytes - HEAD.length - TAIL.length) / (record(1, PADDING).length + 1));
    }

    private static byte[] record(long id, String padding) {
        return ("{\"id\": " + id + ", \"pad\": \"" + padding + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
