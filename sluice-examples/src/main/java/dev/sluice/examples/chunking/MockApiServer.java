package dev.sluice.examples.chunking;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON API on 127.0.0.1 over the JDK's HTTP server, for the mock APIs of this package: a bearer token check,
 * an optional fixed latency per request, one thread per concurrent request (so concurrent clients are served
 * concurrently), and a log of every request with the status it got.
 */
final class MockApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MockApiServer.class);

    /** One request as the server saw it: the raw request target (path and query) and the status answered. */
    record Request(String target, String path, Map<String, String> query, int status) {
    }

    /** A response: status and JSON body. */
    record Answer(int status, JsonNode body) {

        static Answer ok(JsonNode body) {
            return new Answer(200, body);
        }

        static Answer error(int status, String message) {
            return new Answer(status, Json.object().put("status", status).put("message", message));
        }
    }

    /** Answers one authenticated request. */
    @FunctionalInterface
    interface Routes {
        Answer answer(String target, String path, Map<String, String> query);
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final String token;
    private final Duration latency;
    private final Routes routes;

    private MockApiServer(HttpServer server, String token, Duration latency, Routes routes) {
        this.server = server;
        this.token = token;
        this.latency = latency;
        this.routes = routes;
    }

    static MockApiServer start(int port, String token, Duration latency, Routes routes) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            MockApiServer api = new MockApiServer(server, token, latency, routes);
            server.setExecutor(api.threads);
            server.createContext("/", api::handle);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the mock API on port " + port, e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            URI uri = exchange.getRequestURI();
            String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            Map<String, String> query = parse(uri.getRawQuery());
            Answer answer = answer(exchange, target, uri.getPath(), query);
            requests.add(new Request(target, uri.getPath(), query, answer.status()));
            if (answer.status() >= 400) {
                log.info("{} {} -> {}", exchange.getRequestMethod(), abbreviate(target), answer.status());
            }
            byte[] body = Json.write(answer.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    private Answer answer(HttpExchange exchange, String target, String path, Map<String, String> query) {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Answer.error(503, "interrupted");
            }
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            return Answer.error(405, "only GET is supported");
        }
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Answer.error(401, "Authentication credentials not found or invalid");
        }
        return routes.answer(target, path, query);
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return Collections.unmodifiableMap(query);
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
