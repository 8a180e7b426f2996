package dev.sluice.builder.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.builder.testread.TestReader;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./sluice builder}'s web server: the JDK's HTTP server on 127.0.0.1 only, every path below a random
 * token ({@link #url()}), every request checked by a {@link RequestGuard} first. {@code GET /TOKEN/} is the page,
 * {@code GET /TOKEN/app/...} and {@code /TOKEN/lib/codemirror/...} its files, {@code POST /TOKEN/api/...} the
 * {@link BuilderApi}. Close it to stop.
 */
public final class BuilderServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BuilderServer.class);
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService workers;
    private final RequestGuard guard;
    private final BuilderApi api;

    private BuilderServer(HttpServer server, ExecutorService workers, RequestGuard guard, BuilderApi api) {
        this.server = server;
        this.workers = workers;
        this.guard = guard;
        this.api = api;
    }

    /** Starts serving {@code options} on 127.0.0.1. */
    public static BuilderServer start(BuilderOptions options) {
        return start(options, new TestReader());
    }

    /** Starts serving with {@code reader} running the test reads (tests give one with short timeouts). */
    public static BuilderServer start(BuilderOptions options, TestReader reader) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        } catch (IOException e) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "Cannot listen on 127.0.0.1:" + options.port()
                    + ": " + e.getMessage(), e);
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        RequestGuard guard = new RequestGuard(server.getAddress().getPort(), HexFormat.of().formatHex(random));
        BuilderApi api = new BuilderApi(new ManifestFile(options.manifest()),
                options.config() == null ? null : new ManifestFile(options.config()), options.customCode(), reader);
        ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "sluice-builder-http");
            thread.setDaemon(true);
            return thread;
        });
        BuilderServer builder = new BuilderServer(server, workers, guard, api);
        server.createContext("/", builder::handle);
        server.setExecutor(workers);
        server.start();
        return builder;
    }

    /** The page's address, token included: what the user opens. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + guard.port() + "/" + guard.token() + "/");
    }

    public int port() {
        return guard.port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<String> refusal = guard.refusal(exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestHeaders().getFirst("Origin"));
            if (refusal.isPresent()) {
                log.warn("Refused {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        refusal.get());
                send(exchange, 403, "text/plain; charset=utf-8", ("Refused: " + refusal.get())
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<String> path = guard.pathBelowToken(exchange.getRequestURI().getPath());
            if (path.isEmpty()) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found: open the URL the builder printed."
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            route(exchange, path.get());
        } catch (RuntimeException e) {
            log.error("The builder failed to answer {}", exchange.getRequestURI().getPath(), e);
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (path.startsWith("api/")) {
            if (!method.equals("POST")) {
                send(exchange, 405, "text/plain; charset=utf-8", "POST only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            // Only JSON: a form on another site cannot post it without a CORS preflight, which is never granted.
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/json")) {
                send(exchange, 415, "text/plain; charset=utf-8", "application/json only"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            JsonNode request;
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readNBytes(MAX_BODY);
                request = bytes.length == 0 ? Json.object() : Json.parse(new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                send(exchange, 400, "text/plain; charset=utf-8", "not JSON".getBytes(StandardCharsets.UTF_8));
                return;
            }
            BuilderApi.Answer answer;
            try {
                answer = api.answer(path.substring("api/".length()), request);
            } catch (RuntimeException e) {
                // Like the CLI's entry point: a bug answers this one request with its error; the server goes on.
                log.error("The builder failed to answer {}", path, e);
                answer = new BuilderApi.Answer(500, BuilderApi.error(new ConnectorException(FailureType.SYSTEM_ERROR,
                        "The builder failed: " + e, e), ""));
            }
            send(exchange, answer.status(), "application/json", answer.bytes());
            return;
        }
        if (!method.equals("GET")) {
            send(exchange, 405, "text/plain; charset=utf-8", "GET only".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Optional<WebResources.Resource> resource = WebResources.find(path.isEmpty() ? "app/index.html" : path);
        if (resource.isEmpty()) {
            send(exchange, 404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (path.isEmpty() && !exchange.getRequestURI().getPath().endsWith("/")) {
            exchange.getResponseHeaders().set("Location", url().getPath());
            send(exchange, 308, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        send(exchange, 200, resource.get().contentType(), resource.get().bytes());
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; style-src 'self' "
                + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
