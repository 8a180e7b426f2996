package dev.sluice.http;

import dev.sluice.source.RunContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;

/**
 * One JDK {@link HttpClient} (and so one connection pool) with Sluice's timeouts: every request has a connect
 * timeout and a read timeout that also covers the body (defaults 30 s and 300 s; the reference has none and can
 * hang forever). Bodies larger than {@link Options#maxBodyBytes()} are refused instead of exhausting memory.
 * Thread-safe; share one per source.
 */
public final class HttpTransport {

    /** Timeouts and limits. */
    public record Options(Duration connectTimeout, Duration readTimeout, long maxBodyBytes) {
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(30), Duration.ofSeconds(300),
                defaultMaxBodyBytes());

        /**
         * 512 MB, or a sixth of the heap when that is less: a body read whole needs up to three times its size
         * while it grows and is copied, so a larger limit would end in an OutOfMemoryError instead of a clear
         * error. Streamed pages are not read whole and have no such limit.
         */
        private static long defaultMaxBodyBytes() {
            return Math.min(512L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 6);
        }

        /**
         * The defaults, overridden by the system properties {@code sluice.http.connect-timeout} and
         * {@code sluice.http.read-timeout} (seconds, fractions allowed) and {@code sluice.http.max-body-bytes}.
         */
        public static Options fromSystemProperties() {
            return new Options(seconds("sluice.http.connect-timeout", DEFAULTS.connectTimeout()),
                    seconds("sluice.http.read-timeout", DEFAULTS.readTimeout()),
                    Long.getLong("sluice.http.max-body-bytes", DEFAULTS.maxBodyBytes()));
        }

        private static Duration seconds(String property, Duration fallback) {
            String value = System.getProperty(property);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(property + " must be a number of seconds, got '" + value + "'", e);
            }
        }
    }

    /** A run's transport: one connection pool per run, with the options the system properties set. */
    public static final RunContext.Service<HttpTransport> SERVICE = RunContext.Service.of("HTTP transport",
            HttpTransport.class, run -> new HttpTransport(Options.fromSystemProperties()));

    private final HttpClient client;
    private final Options options;

    public HttpTransport(Options options) {
        this.options = options;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public Options options() {
        return options;
    }

    /** Sends the request and reads the whole body. Transport failures (incl. timeouts) are IOExceptions. */
    public HttpResponse exchange(HttpRequest request) throws IOException {
        return buffer(request, open(request));
    }

    /** Reads the whole body of an opened response (at most {@link Options#maxBodyBytes()}). */
    public HttpResponse buffer(HttpRequest request, java.net.http.HttpResponse<InputStream> opened) throws IOException {
        try (InputStream body = opened.body()) {
            return new HttpResponse(request, opened.statusCode(), opened.headers(), readAll(body, request));
        }
    }

    /** Sends the request and returns once the headers arrived; the caller must close the body stream. */
    public java.net.http.HttpResponse<InputStream> open(HttpRequest request) throws IOException {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(options.readTimeout());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        byte[] body = request.body();
        builder.method(request.method(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        try {
            return client.send(builder.build(), info -> new ResponseBodyStream(options.readTimeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending " + request.method() + " request");
        }
    }

    private byte[] readAll(InputStream body, HttpRequest request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[16384];
        long total = 0;
        int n;
        while ((n = body.read(chunk)) >= 0) {
            total += n;
            if (total > options.maxBodyBytes()) {
                throw new ResponseTooLargeException("The response to " + request.describe() + " exceeds "
                        + options.maxBodyBytes() + " bytes, the most read into memory (set the system property "
                        + "sluice.http.max-body-bytes, and a heap large enough for it, to allow more)");
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** A body over the size limit: not retried, reported as a system error. */
    public static final class ResponseTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        ResponseTooLargeException(String message) {
            super(message);
        }
    }
}
