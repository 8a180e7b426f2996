package dev.sluice.examples.demo.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A way for the demo API to misbehave on one request. Schedule faults with {@link FaultPlan}; each record says
 * what the server does and what a client sees. Faults that need "the normal response" (truncations, stalls, delays)
 * use the response the request would have had, so a stall on {@code /employees?page=8} stalls in page 8's JSON.
 *
 * <p>The JDK {@code HttpClient} hides one {@link DropConnection} or {@link Reset} of a GET: it takes a connection that
 * ends before any response byte for an expired pooled one and silently sends the request again (on a new connection
 * too). Schedule such a fault twice ({@link FaultPlan#times}) when a test must see it through that client.
 */
public sealed interface Fault permits Fault.Status, Fault.RateLimit, Fault.RateLimitHttpDate, Fault.Delay,
        Fault.DropConnection, Fault.Reset, Fault.TruncatedBody, Fault.MalformedJson, Fault.TruncatedJson,
        Fault.StallMidBody, Fault.Empty200 {

    /** Answers the exchange in this fault's way. Called by the server, on the connection's thread. */
    void deliver(Exchange exchange) throws IOException;

    /**
     * Answers with {@code status}, {@code body} and extra {@code headers} instead of the normal response. The
     * {@code Content-Type} is {@code application/json} unless {@code headers} name another.
     */
    record Status(int status, String body, Map<String, String> headers) implements Fault {
        public Status {
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("status must be between 200 and 599: " + status);
            }
            requireNonNull(body, "body is null");
            Map<String, String> copy = new LinkedHashMap<>(requireNonNull(headers, "headers is null"));
            copy.forEach((name, value) -> {
                if (name.isBlank() || (name + value).contains("\r") || (name + value).contains("\n")) {
                    throw new IllegalArgumentException("header names and values must be one non-empty line");
                }
            });
            headers = Collections.unmodifiableMap(copy);
        }

        /** The status with {@code {"error": "injected fault: HTTP <status>"}} as its body. */
        public Status(int status) {
            this(status, defaultBody(status), Map.of());
        }

        public Status(int status, String body) {
            this(status, body, Map.of());
        }

        static String defaultBody(int status) {
            return "{\"error\":\"injected fault: HTTP " + status + "\"}";
        }

        @Override
        public void deliver(Exchange exchange) throws IOException {
            Map<String, String> all = new LinkedHashMap<>();
            if (headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
                all.put("Content-Type", Response.JSON_TYPE);
            }
            all.putAll(headers);
            exchange.send(new Response(status, all, body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** 429 with {@code Retry-After: <seconds>} and {@code {"error": "rate limit exceeded"}}. */
    record RateLimit(long retryAfterSeconds) implements Fault {
        public RateLimit {
            if (retryAfterSeconds < 0) {
                throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + retryAfterSeconds);
            }
        }

        @Override
        public void deliver(Exchange exchange) throws IOException {
            exchange.send(rateLimited(Long.toString(retryAfterSeconds)));
        }
    }

    /** 429 with {@code Retry-After} as an HTTP-date ({@code Wed, 21 Oct 2015 07:28:00 GMT}), in whole seconds. */
    record RateLimitHttpDate(Instant retryAt) implements Fault {
        private static final DateTimeFormatter HTTP_DATE =
                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

        public RateLimitHttpDate {
            requireNonNull(retryAt, "retryAt is null");
        }

        @Override
        public void deliver(Exchange exchange) throws IOException {
            exchange.send(rateLimited(HTTP_DATE.format(retryAt.truncatedTo(ChronoUnit.SECONDS))));
        }
    }

    /** Waits {@code duration} (in addition to the server's latency), then answers normally. */
    record Delay(Duration duration) implements Fault {
        public Delay {
            requireNonNegative(duration);
        }

        @Override
        public void deliver(Exchange exchange) throws IOException {
            exchange.pause(duration);
            exchange.respond();
        }
    }

    /** Closes the connection (FIN) without a response; clients see an end-of-stream {@code IOException}. */
    record DropConnection() implements Fault {
        @Override
        public void deliver(Exchange exchange) throws IOException {
            exchange.dropConnection();
        }
    }

    /** Aborts the connection with a TCP RST; clients see {@code IOException: Connection reset}. */
    record Reset() implements Fault {
        @Override
        public void deliver(Exchange exchange) throws IOException {
            exchange.reset();
        }
    }

    /**
     * Sends the normal response's headers, which promise its full {@code Content-Length}, then half the body, then
     * closes; clients see an {@code IOException} (end of stream) while reading the body.
     */
    record TruncatedBody() implements Fault {
        @Override
        public void deliver(Exchange exchange) throws IOException {
            Response normal = exchange.normalResponse();
            int length = normal.body().length;
            exchange.sendPart(normal, Math.max(length, 1), length / 2);
            exchange.dropConnection();
        }
    }

    /** 200 with {@code Content-Type: application/json} and an HTML error page as the body, as some proxies do. */
    record MalformedJson() implements Fault {
        static final String BODY = "<html><body><h1>502 Bad Gateway</h1></body></html>";

        @Override
        public void deliver(Exchange exchange) throws IOException {
            exchange.send(new Response(200, Map.of("Content-Type", Response.JSON_TYPE),
                    BODY.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** 200 whose body is the first half of the normal JSON, with a {@code Content-Length} that matches the half. */
    record TruncatedJson() implements Fault {
        @Override
        public void deliver(Exchange exchange) throws IOException {
            Response normal = exchange.normalResponse();
            byte[] half = Arrays.copyOf(normal.body(), normal.body().length / 2);
            exchange.send(new Response(200, normal.headers(), half));
        }
    }

    /**
     * Sends the headers and half the body, then nothing for {@code duration}, then the rest. The stall ends early,
     * with the connection closed, when the client hangs up or the server closes. Clients observe it as a read
     * timeout. The JDK 17 client's request timeout ends when the headers arrive (seen on 17.0.15, with
     * {@code send}, {@code sendAsync} and any body handler), so it never notices this stall: a client needs a
     * timeout of its own on reading the body.
     */
    record StallMidBody(Duration duration) implements Fault {
        public StallMidBody {
            requireNonNegative(duration);
        }

        @Override
        public void deliver(Exchange exchange) throws IOException {
            Response normal = exchange.normalResponse();
            int half = normal.body().length / 2;
            exchange.sendPart(normal, normal.body().length, half);
            exchange.pause(duration);
            exchange.sendRest(normal, half);
        }
    }

    /** 200 with {@code Content-Type: application/json} and zero bytes of body. */
    record Empty200() implements Fault {
        @Override
        public void deliver(Exchange exchange) throws IOException {
            exchange.send(new Response(200, Map.of("Content-Type", Response.JSON_TYPE), new byte[0]));
        }
    }

    private static Response rateLimited(String retryAfter) {
        return Response.error(429, "rate limit exceeded").withHeader("Retry-After", retryAfter);
    }

    private static void requireNonNegative(Duration duration) {
        requireNonNull(duration, "duration is null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
    }
}
